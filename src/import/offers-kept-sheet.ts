// The hidden sheet `_lever_offers_<importId>`: the offers the last run read, one row per candidate
// [opportunity ID, its updatedAt, fetched at, current offer as JSON], for the next refresh to keep what is final.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import { MAX_CELL_CHARS, MAX_SPREADSHEET_CELLS, safeRow } from '../sheet/cells';
import { ensureRows, fitNewSheetColumns, writeRows } from '../sheet/grid';
import { OFFERS_SHEET_PREFIX } from './definition';
import type { KeptOffer, KeptOffers } from './offers-keep';

const HEADER = ['Opportunity ID', 'updatedAt', 'fetchedAt', 'Offer'];
/** The run's key (environment, user, key check) sits beside the header: another key's offers are never kept. */
const WIDTH = HEADER.length + 1;
/** Kept only while the spreadsheet stays this far under Google's cell limit; the offers are cheap to ask again. */
const KEEP_CELL_CEILING = MAX_SPREADSHEET_CELLS * 0.9;

export function offersSheetName(importId: string): string {
  return OFFERS_SHEET_PREFIX + importId;
}

export function isOffersSheetName(name: string): boolean {
  return name.startsWith(OFFERS_SHEET_PREFIX);
}

export function deleteKeptOffers(workbook: WorkbookPort, importId: string): void {
  const sheet = workbook.sheetByName(offersSheetName(importId));
  if (sheet) workbook.deleteSheet(sheet);
}

function parseRow(row: readonly unknown[]): [string, KeptOffer] | null {
  const [id, updatedAt, fetchedAt, json] = row;
  if (typeof id !== 'string' || id === '' || typeof fetchedAt !== 'number' || typeof json !== 'string') return null;
  try {
    const offer = JSON.parse(json) as KeptOffer['offer'];
    const at = typeof updatedAt === 'number' ? updatedAt : null;
    return [id, { updatedAt: at, fetchedAt, offer: offer && typeof offer === 'object' ? offer : null }];
  } catch {
    return null;
  }
}

/** The kept offers, empty when there are none or they were kept under another key. */
export function readKeptOffers(workbook: WorkbookPort, importId: string, keyTag: string): KeptOffers {
  const sheet = workbook.sheetByName(offersSheetName(importId));
  const rows = sheet ? sheet.lastRow() - 1 : 0;
  if (!sheet || rows < 0 || sheet.maxColumns() < WIDTH) return new Map();
  if (sheet.read(1, WIDTH, 1, 1)[0]?.[0] !== keyTag) return new Map();
  const parsed = rows > 0 ? sheet.read(2, 1, rows, HEADER.length).map(parseRow) : [];
  return new Map(parsed.filter((entry): entry is [string, KeptOffer] => entry !== null));
}

function rowOf(id: string, kept: KeptOffer): unknown[] | null {
  const json = JSON.stringify(kept.offer);
  return json.length > MAX_CELL_CHARS ? null : [id, kept.updatedAt ?? '', kept.fetchedAt, json];
}

function keptSheet(workbook: WorkbookPort, importId: string): SheetPort {
  const existing = workbook.sheetByName(offersSheetName(importId));
  if (existing) return existing;
  const sheet = workbook.insertSheet(offersSheetName(importId));
  fitNewSheetColumns(sheet, WIDTH, () => workbook.totalCells());
  sheet.hide();
  return sheet;
}

/** Rewrites the kept offers (the sheet goes when there is nothing to keep or no room for it). */
export function writeKeptOffers(workbook: WorkbookPort, importId: string, keyTag: string, kept: KeptOffers): void {
  const rows = [...kept].map(([id, entry]) => rowOf(id, entry)).filter((row): row is unknown[] => row !== null);
  const old = workbook.sheetByName(offersSheetName(importId));
  const oldCells = old ? old.maxRows() * old.maxColumns() : 0;
  if (rows.length === 0 || workbook.totalCells() - oldCells + (rows.length + 1) * WIDTH > KEEP_CELL_CEILING) {
    deleteKeptOffers(workbook, importId);
    return;
  }
  const sheet = keptSheet(workbook, importId);
  ensureRows(sheet, rows.length + 1, () => workbook.totalCells());
  const used = sheet.lastRow();
  if (used > rows.length + 1) sheet.clearContents(rows.length + 2, 1, used - rows.length - 1, WIDTH);
  writeRows(sheet, 1, [[...HEADER, keyTag], ...rows.map((row) => [...row, ''])].map(safeRow));
}
