// What the add-on last wrote to the status sheet (DocumentProperties `status.layout`), so a refresh needs no read-back.

/** One cell of the status block. */
export type StatusCell = string | number | Date;

import { type KeyValueStore, readJson, writeJson } from '../ports/store';

export const LAYOUT_KEY = 'status.layout';

/** The status sheet as this add-on left it: which sheet, how many block rows, their digest, the grid's rows. */
export interface StatusLayout {
  sheetId: number;
  rows: number;
  digest: string;
  gridRows: number;
}

export function loadStatusLayout(store: KeyValueStore): StatusLayout | null {
  const layout = readJson<StatusLayout>(store, LAYOUT_KEY);
  return layout && typeof layout.sheetId === 'number' && typeof layout.digest === 'string' ? layout : null;
}

export function saveStatusLayout(store: KeyValueStore, layout: StatusLayout): void {
  writeJson(store, LAYOUT_KEY, layout);
}

export function forgetStatusLayout(store: KeyValueStore): void {
  store.delete(LAYOUT_KEY);
}

function cellText(cell: StatusCell): string {
  // Sheets keeps instants to the second at best, so two blocks a few milliseconds apart are the same block.
  return cell instanceof Date ? `@${Math.floor(cell.getTime() / 1000)}` : `${typeof cell}:${cell}`;
}

/** A short fingerprint of the block's content (FNV-1a over its cells), to tell "unchanged" without reading. */
export function blockDigest(block: readonly StatusCell[][]): string {
  let hash = 0x811c9dc5;
  const text = block.map((row) => row.map(cellText).join('\u001f')).join('\u001e');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${block.length}:${text.length}:${hash.toString(36)}`;
}
