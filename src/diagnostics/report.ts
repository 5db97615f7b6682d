// The Diagnostics report as plain text, and the dialog that shows it: pure, so every line can be tested.
import { urlFetchWarning } from '../schedule/urlfetch-quota';

/** What one trigger execution could reach (unknowns 7 and 8); null where the check itself failed. */
export interface TriggerContextProbe {
  /** ISO time of the firing. */
  at: string;
  handler: string;
  activeSpreadsheet: boolean | null;
  documentProperties: boolean | null;
  documentLock: boolean | null;
  triggerUid: boolean;
  listedInSpreadsheet: boolean | null;
  listedInProject: boolean | null;
  /** The first failure a check met, if any (never contains a key: only Google's messages). */
  problem?: string;
}

export const STORE_LIMIT_BYTES = 500 * 1024;

export interface ZoneSample {
  /** ISO instant. */
  at: string;
  utilities: string;
  /** Intl's reading, or 'unavailable' when it threw (the error is in zones.intlError). */
  intl: string;
  /** Null when Intl could not read the zone. */
  same: boolean | null;
}

export interface FetchFacts {
  skipped?: string;
  singleMs?: number;
  batchMs?: number;
  batchSize?: number;
  statuses?: number[];
  problem?: string;
}

export interface DiagnosticsFacts {
  now: string;
  spreadsheetZone: string;
  user: string;
  /** What the last trigger execution could reach, or why it is pending. */
  probe: TriggerContextProbe | null;
  pending?: string;
  /** Why no probe could be arranged. */
  probeNote?: string;
  slot: { recorded: boolean; holder?: string; listedInSpreadsheet?: boolean; listedInProject?: boolean };
  zones: { intlPresent: boolean; intlError?: string; samples: ZoneSample[] };
  fetch: FetchFacts;
  runtimeUsedMs: number;
  runtimeLimitMs: number;
  /** UrlFetch calls the add-on counted for this user in Google's rolling day, and the quota it assumes. */
  urlFetchCalls: number;
  urlFetchLimit: number;
  stores: { name: string; bytes: number | null }[];
  /** Opportunity imports: the last successful run's kind and drift check, and whether drift made them full only. */
  refreshes?: RefreshFacts[];
}

export interface RefreshFacts {
  name: string;
  lastKind?: string;
  /** The last full run's drift count, when it replaced a base. */
  drift?: number;
  fullOnly: boolean;
}

const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? 'unknown' : value ? 'yes' : 'no';

/** UTF-8 length of a string, as Google counts property sizes. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Keys plus values of a property store, in UTF-8 bytes. */
export function storeBytes(entries: Record<string, string>): number {
  return Object.entries(entries).reduce((sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(value), 0);
}

/** Requests in flight at once, as far as two timings tell: n requests in the time of `batch / single` ones. */
export function inferredParallelism(singleMs: number, batchMs: number, batchSize: number): number {
  if (singleMs <= 0 || batchMs <= 0) return batchSize;
  return Math.max(1, Math.min(batchSize, Math.round((batchSize * singleMs) / batchMs)));
}

function contextLines(facts: DiagnosticsFacts): string[] {
  const lines = ['Trigger context (last trigger execution of yours in this spreadsheet)'];
  const { probe } = facts;
  if (facts.probeNote) lines.push(`  note: ${facts.probeNote}`);
  if (!probe) {
    if (facts.pending) lines.push(`  pending — open Diagnostics again after ${facts.pending}`);
    else if (!facts.probeNote) lines.push('  pending — open Diagnostics again after the next hourly firing');
    return lines;
  }
  lines.push(
    `  recorded at: ${probe.at} (by ${probe.handler})`,
    `  active spreadsheet: ${yesNo(probe.activeSpreadsheet)}`,
    `  document properties: ${yesNo(probe.documentProperties)}`,
    `  document lock: ${yesNo(probe.documentLock)}`,
    `  e.triggerUid: ${yesNo(probe.triggerUid)}`,
    `  getUserTriggers(spreadsheet) listed it: ${yesNo(probe.listedInSpreadsheet)}`,
    `  getProjectTriggers() listed it: ${yesNo(probe.listedInProject)}`,
  );
  if (probe.problem) lines.push(`  a check failed: ${probe.problem}`);
  if (facts.pending) lines.push(`  a newer reading is pending — open Diagnostics again after ${facts.pending}`);
  return lines;
}

function slotLines(facts: DiagnosticsFacts): string[] {
  const { slot } = facts;
  if (!slot.recorded) return ['Trigger listing', '  no trigger of yours is recorded for this spreadsheet'];
  return [
    'Trigger listing (your recorded trigger for this spreadsheet)',
    `  held by: ${slot.holder ?? 'unknown'}`,
    `  getUserTriggers(spreadsheet) lists it: ${yesNo(slot.listedInSpreadsheet)}`,
    `  getProjectTriggers() lists it: ${yesNo(slot.listedInProject)}`,
  ];
}

function zoneLines(facts: DiagnosticsFacts): string[] {
  const { zones } = facts;
  const lines = [
    `Time zones (spreadsheet zone ${facts.spreadsheetZone})`,
    `  Intl zone data: ${zones.intlPresent ? 'present' : `absent (${zones.intlError ?? 'no error text'})`}`,
  ];
  for (const sample of zones.samples) {
    lines.push(
      `  ${sample.at}  Utilities ${sample.utilities}  Intl ${sample.intl}  ${sample.same === null ? '' : sample.same ? 'same' : 'DIFFERENT'}`.trimEnd(),
    );
  }
  return lines;
}

function fetchLines(fetch: FetchFacts): string[] {
  const lines = ['UrlFetchApp.fetchAll against Lever'];
  if (fetch.skipped) return [...lines, `  skipped: ${fetch.skipped}`];
  if (fetch.problem) return [...lines, `  failed: ${fetch.problem}`];
  const { singleMs = 0, batchMs = 0, batchSize = 0 } = fetch;
  lines.push(
    `  one request: ${singleMs} ms`,
    `  fetchAll of ${batchSize}: ${batchMs} ms`,
    `  inferred parallelism: ${inferredParallelism(singleMs, batchMs, batchSize)} of ${batchSize}`,
    `  HTTP statuses: ${(fetch.statuses ?? []).join(', ')}`,
  );
  return lines;
}

function quotaLines(facts: DiagnosticsFacts): string[] {
  const minutes = (ms: number) => (ms / 60_000).toFixed(1);
  const lines = [
    'Quotas left (as far as the add-on can tell)',
    `  trigger runtime used today: ${minutes(facts.runtimeUsedMs)} of ${minutes(facts.runtimeLimitMs)} min`,
    `  UrlFetch calls sent by this add-on today: ${facts.urlFetchCalls} of ${facts.urlFetchLimit} (consumer quota)`,
  ];
  const nearLimit = urlFetchWarning(facts.urlFetchCalls);
  if (nearLimit) lines.push(`  ${nearLimit}`);
  for (const store of facts.stores) {
    const size = store.bytes === null ? 'unavailable here' : `${store.bytes} of ${STORE_LIMIT_BYTES} bytes (UTF-8)`;
    lines.push(`  ${store.name}: ${size}`);
  }
  return lines;
}

/**
 * Whether Lever's `updated_at_start` filter saw every change an import shows (unknowns: it may compare the
 * `updatedAt` field, which moves only for Lever's documented fields): a full run's drift check says so.
 */
function refreshLines(refreshes: readonly RefreshFacts[] | undefined): string[] {
  if (!refreshes || refreshes.length === 0) return [];
  const lines = ['Changes-only refreshes (drift: records a full run found changed that Lever did not list)'];
  for (const item of refreshes) {
    const drift = item.drift === undefined ? 'not checked yet' : String(item.drift);
    const mode = item.fullOnly ? 'full runs only (drift found)' : 'changes only between full runs';
    lines.push(`  ${item.name}: last run ${item.lastKind ?? 'none'}; drift ${drift}; ${mode}`);
  }
  return [...lines, ''];
}

/** The report the deployer reads and copies; it never contains the Lever key (the facts hold none). */
export function diagnosticsReport(facts: DiagnosticsFacts): string {
  return [
    `Lever for Sheets diagnostics — ${facts.now}`,
    `User: ${facts.user || 'unknown'}`,
    '',
    ...contextLines(facts),
    '',
    ...slotLines(facts),
    '',
    ...zoneLines(facts),
    '',
    ...fetchLines(facts.fetch),
    '',
    ...quotaLines(facts),
    '',
    ...refreshLines(facts.refreshes),
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A read-only textarea holding the report, everything escaped. */
export function reportHtml(report: string): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;font-family:sans-serif">' +
    '<p style="margin:4px 0">Select all and copy this report to share it.</p>' +
    '<textarea readonly style="width:100%;height:420px;font-family:monospace;font-size:12px" ' +
    `onfocus="this.select()">${escapeHtml(report)}</textarea></body></html>`
  );
}
