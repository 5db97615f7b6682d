// Extensions → Lever for Sheets → Diagnostics: gathers what a real deployment does where Google's docs are silent.

import {
  type DiagnosticsFacts,
  diagnosticsReport,
  type FetchFacts,
  type RefreshFacts,
  reportHtml,
  storeBytes,
  type ZoneSample,
} from '../diagnostics/report';
import { activeUserEmail, documentPropertiesContent, userPropertiesContent } from '../gas/diagnostics';
import { activeDocument, type DocumentPorts } from '../gas/document';
import { appsScriptBase64, appsScriptHttp } from '../gas/http';
import { documentStore, userStore } from '../gas/properties';
import { formatInZone } from '../gas/spreadsheet';
import { createOneOffTrigger } from '../gas/triggers';
import { showDialog } from '../gas/ui';
import { utilitiesDateTime } from '../gas/zone-format';
import { baseUrlFor } from '../lever/endpoints';
import type { SpreadsheetInfo } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import { DAILY_TRIGGER_RUNTIME_MS, runtimeUsedMs } from '../schedule/runtime-quota';
import { DAILY_URLFETCH_CALLS, urlFetchCallsToday } from '../schedule/urlfetch-quota';
import { intlDateTime, type LocalDateTime } from '../schedule/zone';
import { listDefinitions } from '../store/imports-store';
import { loadFullOnly } from '../store/incremental-base';
import { loadCredential } from '../store/key-store';
import { loadRuns } from '../store/runs-store';
import { readTriggerRecord, type TriggerRecord, writeTriggerRecord } from '../store/schedule-state';
import { PROBE_RECORD } from '../trigger/slot';
import { readProbe } from './diagnostics-probe';

export const DIAGNOSTICS_TITLE = 'Lever for Sheets diagnostics';
/** The one-off probe fires this long after Diagnostics creates it (Google may add a few minutes). */
export const PROBE_DELAY_MS = 60_000;
const PROBE_WAIT_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const FETCH_BATCH = 5;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function wallClock(local: LocalDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${two(local.month)}-${two(local.day)} ${two(local.hour)}:${two(local.minute)}`;
}

/** A few instants around the American and European DST changes of this year, Intl against Utilities. */
function zoneFacts(zone: string, now: number): DiagnosticsFacts['zones'] {
  const year = new Date(now).getUTCFullYear();
  const instants = [
    Date.UTC(year, 0, 15, 12),
    // Either side of the second Sunday of March (America) and the last Sunday of March (Europe)...
    Date.UTC(year, 2, 8, 6, 30),
    Date.UTC(year, 2, 8, 7, 30),
    Date.UTC(year, 2, 29, 0, 30),
    Date.UTC(year, 2, 29, 1, 30),
    Date.UTC(year, 6, 1, 12),
    // ...and of the first Sunday of November (America). The exact dates move with the year: the few samples
    // still straddle most changes, and any difference shows.
    Date.UTC(year, 10, 1, 5, 30),
    Date.UTC(year, 10, 1, 6, 30),
  ];
  let intlError: string | undefined;
  const samples: ZoneSample[] = instants.map((ms) => {
    const utilities = wallClock(utilitiesDateTime(ms, zone));
    try {
      const intl = wallClock(intlDateTime(ms, zone));
      return { at: new Date(ms).toISOString(), utilities, intl, same: intl === utilities };
    } catch (error) {
      intlError ??= messageOf(error);
      return { at: new Date(ms).toISOString(), utilities, intl: 'unavailable', same: null };
    }
  });
  return { intlPresent: intlError === undefined, ...(intlError ? { intlError } : {}), samples };
}

/** One request, then a fetchAll of five, to `/users?limit=1` with the user's saved key; skipped without one. */
function fetchFacts(user: KeyValueStore): FetchFacts {
  const saved = loadCredential(user, appsScriptBase64);
  if (!saved) return { skipped: 'no Lever key is saved for you (connect one in the sidebar, then run this again)' };
  const { credential } = saved;
  const request = {
    url: `${baseUrlFor(credential.environment)}/users?limit=1`,
    headers: { Authorization: credential.authorizationHeader() },
  };
  try {
    const t0 = Date.now();
    const first = appsScriptHttp.fetch(request);
    const t1 = Date.now();
    const batch = appsScriptHttp.fetchAll(Array.from({ length: FETCH_BATCH }, () => request));
    const t2 = Date.now();
    return {
      singleMs: t1 - t0,
      batchMs: t2 - t1,
      batchSize: FETCH_BATCH,
      statuses: [first, ...batch].map((response) => response.status),
    };
  } catch (error) {
    return { problem: credential.redact(messageOf(error)) };
  }
}

function storeFacts(): DiagnosticsFacts['stores'] {
  const bytes = (content: Record<string, string> | null) => (content ? storeBytes(content) : null);
  return [
    { name: 'your UserProperties', bytes: bytes(userPropertiesContent()) },
    { name: "this spreadsheet's DocumentProperties", bytes: bytes(documentPropertiesContent()) },
  ];
}

function formatTime(ms: number, zone: string): string {
  return `${formatInZone(new Date(ms), zone, 'yyyy-MM-dd HH:mm')} (${zone})`;
}

interface SlotState {
  slot: DiagnosticsFacts['slot'];
  alive: boolean;
}

function slotState(spreadsheet: DocumentPorts, record: TriggerRecord | null): SlotState {
  if (!record) return { slot: { recorded: false }, alive: false };
  const holder = record.handler === PROBE_RECORD ? 'a one-off Diagnostics probe' : 'your schedules (onScheduledRun)';
  try {
    const listing = spreadsheet.triggerListing(record.uid);
    return {
      slot: {
        recorded: true,
        holder,
        listedInSpreadsheet: listing.inSpreadsheet,
        listedInProject: listing.inProject,
      },
      alive: listing.inSpreadsheet || listing.inProject,
    };
  } catch {
    return { slot: { recorded: true, holder }, alive: false };
  }
}

/**
 * When the trigger-context reading will be there: a schedule's trigger records it at its next firing; with the
 * slot empty, a one-off probe is created now (it records, then deletes itself and its record).
 */
function pendingProbe(
  spreadsheet: SpreadsheetInfo,
  user: KeyValueStore,
  record: TriggerRecord | null,
  alive: boolean,
  now: number,
): { pending?: string; probeNote?: string } {
  const zone = spreadsheet.timeZone;
  if (record && alive) {
    if (record.handler === PROBE_RECORD)
      return { pending: formatTime(Date.parse(record.createdAt) + PROBE_WAIT_MS, zone) };
    return readProbe(user, spreadsheet.id) ? {} : { pending: formatTime(now + HOUR_MS, zone) };
  }
  if (record) {
    return {
      probeNote: "your schedule's trigger is missing: open the Lever for Sheets sidebar once to set it up again",
    };
  }
  if (readProbe(user, spreadsheet.id)) return {};
  try {
    const uid = createOneOffTrigger(PROBE_RECORD, PROBE_DELAY_MS);
    writeTriggerRecord(user, {
      spreadsheetId: spreadsheet.id,
      uid,
      createdAt: new Date(now).toISOString(),
      handler: PROBE_RECORD,
    });
    return { pending: formatTime(now + PROBE_WAIT_MS, zone) };
  } catch (error) {
    return { probeNote: `Google refused the one-off probe trigger: ${messageOf(error)}` };
  }
}

/** Each opportunity import's last run kind, drift check and full-only mark (reads the state store only). */
function refreshFacts(store: KeyValueStore): RefreshFacts[] {
  try {
    return listDefinitions(store)
      .filter((definition) => definition.object === 'opportunities')
      .map((definition) => {
        const runs = loadRuns(store, definition.id).filter((run) => run.status === 'succeeded');
        // Newest first.
        const checked = runs.find((run) => run.drift !== undefined);
        const fullOnly = loadFullOnly(store, definition.id) !== null;
        return { name: definition.name, lastKind: runs[0]?.kind, drift: checked?.drift, fullOnly };
      });
  } catch {
    return [];
  }
}

/** Gathers every fact and returns the report text. */
export function buildDiagnosticsReport(spreadsheet: DocumentPorts): string {
  const now = Date.now();
  const user = userStore();
  const id = spreadsheet.info.id;
  const zone = spreadsheet.info.timeZone;
  const record = readTriggerRecord(user, id);
  const { slot, alive } = slotState(spreadsheet, record);
  const probeState = pendingProbe(spreadsheet.info, user, record, alive, now);
  const email = activeUserEmail();
  return diagnosticsReport({
    now: new Date(now).toISOString(),
    spreadsheetZone: zone,
    user: email,
    probe: readProbe(user, id),
    ...probeState,
    slot,
    zones: zoneFacts(zone, now),
    fetch: fetchFacts(user),
    runtimeUsedMs: runtimeUsedMs(user, now),
    runtimeLimitMs: DAILY_TRIGGER_RUNTIME_MS,
    urlFetchCalls: urlFetchCallsToday(user, now),
    urlFetchLimit: DAILY_URLFETCH_CALLS,
    stores: storeFacts(),
    refreshes: refreshFacts(documentStore()),
  });
}

/** The menu item: the report in a modal dialog, as read-only text to copy. Returns the text (for tests). */
export function showDiagnosticsReport(): string {
  const report = buildDiagnosticsReport(activeDocument());
  showDialog(reportHtml(report), DIAGNOSTICS_TITLE, { width: 760, height: 500 });
  return report;
}
