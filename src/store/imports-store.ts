// Import definitions in DocumentProperties (`import.<id>` plus `imports.index`), shared by every editor; never secrets.
import { AppError } from '../errors';
import { exclusively, type KeyValueStore, LEASE_KEY, readJson, writeJson } from '../ports/store';
import type { ImportDefinition } from '../shared/types';
import { checkpointKey } from './checkpoint';
import { baseKey } from './incremental-base';
import { keptOffersMarkKey, saveKeptOffersMark } from './kept-offers-mark';
import { runsKey } from './runs-store';
import { LAYOUT_KEY as STATUS_LAYOUT_KEY } from './status-layout';

/**
 * Imports a spreadsheet may hold. The owner's approvals for one spreadsheet are one UserProperties value, which
 * Google caps at 9 KB: an entry (15-character id, 44-character SHA-256 in base64, quotes) takes about 65 bytes, so
 * about 140 would fit; 50 leaves room, and bounds what one hourly firing has to check.
 */
export const MAX_IMPORTS_PER_SPREADSHEET = 50;

/**
 * What a write of an import missing from the index does when the index is full: 'refuse' throws tooManyImports and
 * writes nothing (saving, scheduling, a take-over: the user is told), 'keepUnlisted' writes it still unlisted (a
 * run's record of its sheet: the run's result stands, and the sidebar still shows the import's warning).
 */
export type WhenFull = 'refuse' | 'keepUnlisted';

const INDEX_KEY = 'imports.index';
const DEFINITION_PREFIX = 'import.';
const definitionKey = (id: string) => DEFINITION_PREFIX + id;
const layoutKey = (id: string) => `layout.${id}`;

/** Where an import's block sits in its target sheet after the last commit (to clear what a narrower result leaves). */
export interface BlockLayout {
  sheetId: number;
  /** The sheet's name at that commit: what the definition's record of its target says, even when that was skipped. */
  sheetName?: string;
  width: number;
  /** Replace mode: the column formats and header styling already applied, so a refresh does not apply them again. */
  style?: { formats: string[]; formattedThrough: number; headerWidth: number; height?: number };
}

function readIndex(store: KeyValueStore): string[] {
  const index = readJson<unknown>(store, INDEX_KEY);
  return Array.isArray(index) ? index.filter((id): id is string => typeof id === 'string') : [];
}

export function loadDefinition(store: KeyValueStore, id: string): ImportDefinition | null {
  if (typeof id !== 'string' || id === '') return null;
  return readJson<ImportDefinition>(store, definitionKey(id));
}

/** Like loadDefinition, but an import that no longer exists is a clear error. */
export function requireDefinition(store: KeyValueStore, id: string): ImportDefinition {
  const definition = loadDefinition(store, id);
  if (!definition) throw new AppError('BAD_INPUT', { reason: 'importGone' });
  return definition;
}

/** Every import of the document, in the order they were created. */
export function listDefinitions(store: KeyValueStore): ImportDefinition[] {
  return readIndex(store)
    .map((id) => loadDefinition(store, id))
    .filter((definition): definition is ImportDefinition => definition !== null);
}

/**
 * Definitions missing from the index, oldest first: left by an older version's race (two editors adding at once, or
 * a save landing after a delete). Only the sidebar lists them, so a person decides: a save lists them again.
 */
export function listUnindexedDefinitions(store: KeyValueStore): ImportDefinition[] {
  const indexed = new Set(readIndex(store));
  return store
    .keys()
    .filter((key) => key.startsWith(DEFINITION_PREFIX) && !indexed.has(key.slice(DEFINITION_PREFIX.length)))
    .map((key) => loadDefinition(store, key.slice(DEFINITION_PREFIX.length)))
    .filter((definition): definition is ImportDefinition => typeof definition?.id === 'string')
    .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
}

/**
 * The definition's row and those of what its first run writes (the incremental base's record too, for scheduled
 * opportunity imports; the kept-offers mark), which then appends none (each append costs calls).
 * In this order a run's batched writes fall on adjacent rows: its start writes checkpoint and runs, its commit
 * definition, layout and checkpoint.
 */
function importKeys(id: string): string[] {
  const keys = [baseKey(id), definitionKey(id), layoutKey(id), checkpointKey(id), runsKey(id), LEASE_KEY];
  return [...keys, STATUS_LAYOUT_KEY, keptOffersMarkKey(id)];
}

/**
 * An import already in the index is only rewritten. A new one is added to the index in the store's lock, on a fresh
 * read: two editors saving (or one deleting) at once would otherwise each write back the index they read before,
 * and the other's import would vanish from every list. Callers that may race a delete use saveExistingAfresh.
 */
export function saveDefinition(store: KeyValueStore, definition: ImportDefinition): void {
  if (readIndex(store).includes(definition.id)) writeJson(store, definitionKey(definition.id), definition);
  else exclusively(store, () => addDefinition(store, definition));
}

/** The one rule for adding an import to the index (a new one, or one missing from it): fewer listed than the limit. */
function indexHasRoom(store: KeyValueStore): boolean {
  return listDefinitions(store).length < MAX_IMPORTS_PER_SPREADSHEET;
}

/** Throws tooManyImports when the index is full (saving checks it early too, before the settings). */
export function assertIndexHasRoom(store: KeyValueStore): void {
  if (!indexHasRoom(store)) throw tooManyImports();
}

function tooManyImports(): AppError {
  return new AppError('BAD_INPUT', { reason: 'tooManyImports', max: MAX_IMPORTS_PER_SPREADSHEET });
}

/** Whether a write may add the import to the index; with it full, 'refuse' throws rather than answer false. */
function roomToList(store: KeyValueStore, whenFull: WhenFull): boolean {
  if (indexHasRoom(store)) return true;
  if (whenFull === 'refuse') throw tooManyImports();
  return false;
}

/** True when the import is missing from the index and there is room to list it again: a write of it would. */
export function wouldList(store: KeyValueStore, id: string): boolean {
  return !isListed(store, id) && indexHasRoom(store);
}

/** Writes the definition, adding it to the index when it is missing: every listing goes through here, so the limit. */
function addDefinition(store: KeyValueStore, definition: ImportDefinition, whenFull: WhenFull = 'refuse'): void {
  const index = readIndex(store);
  if (index.includes(definition.id) || !roomToList(store, whenFull)) {
    writeJson(store, definitionKey(definition.id), definition);
    return;
  }
  // A definition stored without its index entry (an older race) is listed again, keeping what its runs wrote.
  const isNew = loadDefinition(store, definition.id) === null;
  if (isNew) store.reserve?.(importKeys(definition.id));
  writeJson(store, definitionKey(definition.id), definition);
  writeJson(store, INDEX_KEY, [...index, definition.id]);
  // A new import has no kept offers: its runs need not look for that sheet (kept-offers-mark.ts).
  if (isNew) saveKeptOffersMark(store, definition.id, 'none');
}

/**
 * Read-modify-write of an existing import on a fresh read in the store's lock, so a delete, take-over or save by
 * another editor since this execution first read it is seen rather than written over: `change` gets the stored
 * definition (and may refuse by throwing); a definition that is gone (deleted) throws `gone`'s error and is never
 * written back. A definition missing from the index (an older race) is listed again, within the limit (`whenFull`).
 */
export function saveExistingAfresh(
  store: KeyValueStore,
  id: string,
  change: (current: ImportDefinition) => ImportDefinition,
  options: { gone?: () => AppError; whenFull?: WhenFull } = {},
): ImportDefinition {
  return exclusively(store, () => {
    const current = loadDefinition(store, id);
    if (!current) throw options.gone?.() ?? new AppError('BAD_INPUT', { reason: 'importGone' });
    const next = change(current);
    addDefinition(store, next, options.whenFull);
    if (next.sheetName !== current.sheetName) forgetLayoutSheet(store, id);
    return next;
  });
}

/**
 * A save naming another sheet drops the sheet's id (definition.ts); the layout's name goes too, or an edit away and
 * back would hand that id back (withRecordedTarget) and write into a sheet the user renamed to keep.
 */
function forgetLayoutSheet(store: KeyValueStore, id: string): void {
  const layout = loadBlockLayout(store, id);
  if (layout?.sheetName === undefined) return;
  const { sheetName: _dropped, ...rest } = layout;
  saveBlockLayout(store, id, rest);
}

/** What a run learns of its target sheet (its stable id, its name now), the only fields a run writes back. */
export type TargetFields = Pick<ImportDefinition, 'sheetId' | 'sheetName'>;

/** True when the definition is in imports.index (as this execution last read it). */
function isListed(store: KeyValueStore, id: string): boolean {
  return readIndex(store).includes(id);
}

/**
 * Sets the target's id and name on a fresh read in the store's lock, so a take-over, schedule change or edit made
 * during the run is kept rather than written over with the definition the run read at its start; a definition
 * deleted meanwhile stays deleted, one missing from the index is listed again when there is room (else it is
 * written still unlisted: the run's result stands). BUSY when the lock cannot be had.
 */
export function patchTargetAfresh(store: KeyValueStore, id: string, target: TargetFields): void {
  exclusively(store, () => {
    const current = loadDefinition(store, id);
    if (!current) return;
    const same = current.sheetId === target.sheetId && current.sheetName === target.sheetName;
    if (!same || wouldList(store, id)) addDefinition(store, { ...current, ...target }, 'keepUnlisted');
  });
}

/** Applies a change to a stored definition (e.g. the target sheet's id after a write); null if it is gone. */
export function updateDefinition(
  store: KeyValueStore,
  id: string,
  change: (definition: ImportDefinition) => ImportDefinition,
): ImportDefinition | null {
  const current = loadDefinition(store, id);
  if (!current) return null;
  const next = change(current);
  saveDefinition(store, next);
  return next;
}

export function newImportId(): string {
  const random = () =>
    Math.floor(Math.random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
  return `imp${random()}${random()}`;
}

/** Removes the definition and its index entry, the index read afresh in the store's lock (see saveDefinition). */
export function deleteDefinition(store: KeyValueStore, id: string): void {
  exclusively(store, () => {
    store.delete(definitionKey(id));
    store.delete(layoutKey(id));
    const index = readIndex(store);
    if (index.includes(id))
      writeJson(
        store,
        INDEX_KEY,
        index.filter((other) => other !== id),
      );
  });
}

export function loadBlockLayout(store: KeyValueStore, id: string): BlockLayout | null {
  return readJson<BlockLayout>(store, layoutKey(id));
}

/**
 * The definition with the sheet its last commit wrote to, when the commit's record of it in the definition was skipped
 * (the script lock busy): the layout written in the same batch names it. Only while the definition still names the
 * sheet the layout does: an edit to another sheet name means another sheet, as for a recorded id (definition.ts).
 * Without this a first run's sheet, renamed before the next run, would be left behind for a new one of the old name.
 */
export function withRecordedTarget(store: KeyValueStore, definition: ImportDefinition): ImportDefinition {
  if (definition.sheetId !== undefined) return definition;
  const layout = loadBlockLayout(store, definition.id);
  if (typeof layout?.sheetId !== 'number' || layout.sheetName !== definition.sheetName) return definition;
  return { ...definition, sheetId: layout.sheetId };
}

export function saveBlockLayout(store: KeyValueStore, id: string, layout: BlockLayout): void {
  writeJson(store, layoutKey(id), layout);
}
