// Run view: live progress of an import (records, pages, elapsed), then its summary or the server's error.
import type { RunRecord } from '../../src/shared/types';
import type { App, RenderedView, Route } from '../app';
import { button } from '../controls';
import { h, replaceChildren } from '../dom';
import { describeChanges, formatCount, formatDuration, isRunActive, plural } from '../format';
import type { RunUpdate } from '../runner';

export function renderRun(app: App, route: Route): RenderedView {
  const importId = route.name === 'run' ? route.importId : '';
  const { name, sheet } = runTarget(app, importId);
  const driver = app.lastRun(importId) ?? app.startRun(importId);
  const heading = h('h1', null, `Running "${name}"`);
  const body = h('div');
  const el = h('div', { className: 'view' }, heading, body);
  const draw = runDrawer(app, { heading, body, name, sheet });
  const unsubscribe = driver.subscribe(draw);
  // Elapsed time moves even when no answer arrives; redraw once a second while running.
  const ticker = window.setInterval(() => {
    if (!driver.latest.done) draw(driver.latest);
  }, 1000);
  return { el, dispose: () => stopFollowing(unsubscribe, ticker) };
}

function stopFollowing(unsubscribe: () => void, ticker: number): void {
  unsubscribe();
  window.clearInterval(ticker);
}

/** The import's name, and the sheet it writes to (its name until the server has chosen one). */
function runTarget(app: App, importId: string): { name: string; sheet: string } {
  const def = app.state.imports.find((status) => status.definition.id === importId)?.definition;
  const name = def?.name ?? 'Import';
  return { name, sheet: def?.sheetName ?? name };
}

interface RunParts {
  heading: HTMLElement;
  body: HTMLElement;
  name: string;
  sheet: string;
}

/** Draws progress while the run goes, then its summary; the end is announced once. */
function runDrawer(app: App, parts: RunParts): (update: RunUpdate) => void {
  let announced = false;
  return (update) => {
    if (!update.done) return replaceChildren(parts.body, ...progressParts(update, Date.now()));
    parts.heading.textContent =
      failureMessage(update) === undefined ? `"${parts.name}" finished` : `"${parts.name}" failed`;
    replaceChildren(parts.body, ...summaryParts(app, update, parts.sheet));
    if (!announced) announceEnd(app, update, parts.sheet);
    announced = true;
  };
}

function stat(label: string, value: string): HTMLElement[] {
  return [h('dt', null, label), h('dd', null, value)];
}

function phase(record: RunRecord | null): string {
  if (!record) return 'Starting…';
  if (record.status === 'continuing') {
    return `Google limits each run to 6 minutes, so the import continues in a new run (run ${record.executions + 1}).`;
  }
  return 'Fetching records from Lever…';
}

function progressParts(update: RunUpdate, now: number): HTMLElement[] {
  const record = update.record;
  return [
    h('progress', { 'aria-label': 'Import progress' }),
    h('p', { className: 'phase' }, phase(record)),
    h(
      'dl',
      { className: 'stats' },
      ...stat('Records fetched', formatCount(record?.rowsFetched ?? 0)),
      ...stat('Pages', formatCount(record?.pages ?? 0)),
      ...stat('Elapsed', formatDuration(now - update.startedAtMs)),
    ),
    h('p', { className: 'hint' }, CLOSE_HINT),
  ];
}

const CLOSE_HINT = 'You can close the sidebar: the import keeps its place and continues on its next run.';

function failureMessage(update: RunUpdate): string | undefined {
  if (update.error) return update.error;
  if (update.record?.status === 'failed') return update.record.message ?? 'The import failed.';
  return undefined;
}

function summaryParts(app: App, update: RunUpdate, sheet: string): HTMLElement[] {
  const record = update.record;
  const failure = failureMessage(update);
  const parts = outcomeParts(record, failure, sheet);
  if (record && !isRunActive(record)) parts.push(finalStats(record));
  parts.push(summaryActions(app, update.importId));
  return parts;
}

/** The error, or the success sentence and what changed. */
function outcomeParts(record: RunRecord | null, failure: string | undefined, sheet: string): HTMLElement[] {
  if (failure) return [h('p', { className: 'run-error' }, failure)];
  const parts = record ? [h('p', { className: 'success' }, successSentence(record, sheet))] : [];
  if (record?.changeSummary)
    parts.push(h('p', { className: 'changes' }, describeChanges(record.changeSummary, 'Changes')));
  return parts;
}

function finalStats(record: RunRecord): HTMLElement {
  return h(
    'dl',
    { className: 'stats' },
    ...stat('Records fetched', formatCount(record.rowsFetched)),
    ...stat('Rows written', formatCount(record.rowsWritten ?? 0)),
    ...stat('Pages', formatCount(record.pages)),
    ...stat('Requests to Lever', formatCount(record.requests)),
    ...stat('Google runs', formatCount(record.executions)),
    ...stat('Time', formatDuration(record.durationMs)),
  );
}

function summaryActions(app: App, importId: string): HTMLElement {
  const runAgain = (full: boolean) => () => {
    app.startRun(importId, full);
    app.go({ name: 'run', importId });
  };
  const back = button('Back to imports', () => app.go({ name: 'imports' }), { kind: 'action' });
  const again = button('Run again', runAgain(false));
  // A changes-only refresh cannot see everything (see the builder's Full refresh hint): this reads it all now.
  const full = button('Run in full', runAgain(true), { kind: 'link' });
  return h('div', { className: 'actions' }, back, again, full);
}

function successSentence(record: RunRecord, sheet: string): string {
  const written = record.rowsWritten ?? record.rowsFetched;
  const wrote = `Wrote ${plural(written, 'row')} to the sheet "${sheet}".`;
  if (record.kind !== 'changes') return wrote;
  return `${wrote} Only records changed since the last run were read from Lever (${plural(record.rowsFetched, 'record')}).`;
}

function announceEnd(app: App, update: RunUpdate, sheet: string): void {
  const failure = failureMessage(update);
  if (failure) app.notices.error(failure);
  else if (update.record) app.notices.info(`Import finished. ${successSentence(update.record, sheet)}`);
}
