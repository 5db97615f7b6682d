// One import's card in the list: account badge, warnings, last run, what changed, schedule and confidential records.
import type { ConfidentialState, ImportDefinition, ImportStatus, RunRecord } from '../../src/shared/types';
import type { App } from '../app';
import { environmentBadge } from '../controls';
import { h, uid } from '../dom';
import {
  describeChanges,
  describeOutcome,
  describeSchedule,
  ENVIRONMENT_BADGES,
  formatInstant,
  formatNextRun,
  triggerLabel,
} from '../format';

const OBJECT_LABELS = { opportunities: 'Opportunities', requisitions: 'Requisitions' } as const;

/** The card; `actions` are the buttons and the confirmation area, built by the list. */
export function importCard(app: App, status: ImportStatus, actions: HTMLElement[]): HTMLElement {
  const def = status.definition;
  const headingId = uid('import');
  return h(
    'article',
    { className: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, def.name),
    metaLine(def),
    // Problems first: a stale schedule or a key for another account matter more than the last run's numbers.
    status.warning ? h('p', { className: 'warning card-warning', role: 'note' }, status.warning) : null,
    status.fullOnly ? h('p', { className: 'warning card-warning full-only', role: 'note' }, status.fullOnly) : null,
    accountMismatch(app, status),
    ...runLines(app, status),
    changesLine(status),
    scheduleLine(app, status),
    confidentialLine(status),
    ...actions,
  );
}

/** The account badge, the object and the sheet it writes to. */
function metaLine(def: ImportDefinition): HTMLElement {
  const what = ` ${OBJECT_LABELS[def.object]} → sheet "${def.sheetName}"`;
  return h('p', { className: 'meta' }, environmentBadge(def.environment), what);
}

/** An import reads one Lever account; a key for another one cannot run it (the server refuses). */
function accountMismatch(app: App, status: ImportStatus): HTMLElement | null {
  const key = app.state.key;
  const wanted = status.definition.environment;
  if (!key.saved || !key.environment || key.environment === wanted) return null;
  return h(
    'p',
    { className: 'warning' },
    `Reads from Lever ${ENVIRONMENT_BADGES[wanted]}, but your key is for ${ENVIRONMENT_BADGES[key.environment]}: it cannot run with your key.`,
  );
}

function runLines(app: App, status: ImportStatus): HTMLElement[] {
  const run = status.lastRun;
  if (app.activeRun(status.definition.id)) return [h('p', { className: 'status running' }, 'Running now…')];
  if (!run) return [h('p', { className: 'status' }, 'Never run')];
  return lastRunLines(run, status.lastSuccess, app.state.spreadsheetTimeZone);
}

/** When and how the last run ended; after a failure, its error and when the import last succeeded. */
function lastRunLines(run: RunRecord, success: RunRecord | null | undefined, tz: string): HTMLElement[] {
  const outcome = `Last run ${formatInstant(run.startedAt, tz)} ${triggerLabel(run)}: ${describeOutcome(run)}`;
  const lines = [h('p', { className: `status ${run.status}` }, outcome)];
  if (run.status !== 'failed') return lines;
  if (run.message) lines.push(h('p', { className: 'run-error' }, run.message));
  if (success?.endedAt) lines.push(h('p', { className: 'meta' }, `Last success ${formatInstant(success.endedAt, tz)}`));
  return lines;
}

/** What the last successful refresh changed, while the import tracks changes. */
function changesLine(status: ImportStatus): HTMLElement | null {
  const summary = status.lastSuccess?.changeSummary;
  if (!status.definition.trackChanges || !summary) return null;
  return h('p', { className: 'changes' }, describeChanges(summary));
}

function scheduleLine(app: App, status: ImportStatus): HTMLElement {
  const spec = status.definition.schedule;
  if (!spec || spec.kind === 'off') return h('p', { className: 'meta' }, 'Not scheduled');
  const owner = status.ownedByMe ? 'you' : status.definition.scheduleOwner || 'another editor';
  const next = status.nextRunAt ? `next ${formatNextRun(status.nextRunAt, app.state.spreadsheetTimeZone)}` : '';
  return h('p', { className: 'meta' }, [describeSchedule(spec), next, `owner: ${owner}`].filter(Boolean).join(' · '));
}

const CONFIDENTIAL_LABELS: Record<ConfidentialState, string> = {
  included: 'Confidential records: included',
  'excluded-by-choice': 'Confidential records: left out',
  'invisible-to-key': 'Confidential records: not visible to your key',
  unknown: 'Confidential records: cannot tell yet',
};

/**
 * The server's confidential notice. An import that asks for confidential records its key cannot see would fail,
 * so that one is a warning in full; otherwise a one-line label opens onto the sentence, keeping cards short.
 */
function confidentialLine(status: ImportStatus): HTMLElement | null {
  const notice = status.confidential;
  if (!notice) return null;
  const wanted = status.definition.filters.confidential !== 'exclude';
  if (notice.state === 'invisible-to-key' && wanted) {
    return h('p', { className: 'warning confidential', 'data-state': notice.state }, notice.message);
  }
  const summary = h('summary', null, CONFIDENTIAL_LABELS[notice.state]);
  return h(
    'details',
    { className: `confidential ${notice.state}`, 'data-state': notice.state },
    summary,
    h('p', null, notice.message),
  );
}
