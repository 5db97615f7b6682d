// Whether an import may have a kept-offers sheet (state key `offers.kept.<importId>`), so a run of an import without
// offer columns skips looking that sheet up by name once it is known there is none.
import type { KeyValueStore } from '../ports/store';

/** 'kept': a sheet may exist (set before it is written); 'none': the sheet is gone. Absent: unknown (older data). */
export type KeptOffersMark = 'kept' | 'none';

export const keptOffersMarkKey = (importId: string) => `offers.kept.${importId}`;

export function loadKeptOffersMark(store: KeyValueStore, importId: string): KeptOffersMark | null {
  const value = store.get(keptOffersMarkKey(importId));
  return value === 'kept' || value === 'none' ? value : null;
}

/** Writes the mark when it changes (an unchanged write would still cost the state sheet a call). */
export function saveKeptOffersMark(store: KeyValueStore, importId: string, mark: KeptOffersMark): void {
  if (loadKeptOffersMark(store, importId) !== mark) store.set(keptOffersMarkKey(importId), mark);
}

export function deleteKeptOffersMark(store: KeyValueStore, importId: string): void {
  store.delete(keptOffersMarkKey(importId));
}
