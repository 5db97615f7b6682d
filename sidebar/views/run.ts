// Run view: live progress of an import (records, pages, elapsed), then its summary or the server's error.
import type { RunRecord } from '../../src/shared/types';
import type { App, RenderedView, Route } from '../app';
import { button } from '../controls';
import { h, replaceChildren } from '../dom';
import { describeChanges, formatCount, formatDuration, isRunActive, plural } from '../format';
import type { RunUpdate } from '../runner';

export function renderRun(app: App, route: Route): RenderedView {
  const importId = route.name === 'run' ? route.importId : '';
  const def = app.state.imports.find((status) => status.definition.id === importId)?.definition;
  const name = def?.name ?? 'Import';
  const sheet = def?.sheetName ?? name;
  const driver = app.lastRun(importId) ?? app.startRun(importId);
  const heading = h('h1', null, `Running "${name}"`);
  const body = h('div');
  const el = h('div', { className: 'view' }, heading, body);
  let announced = false;
  const draw = (update: RunUpdate) => {
    if (!update.done) return replaceChildren(body, ...progressParts(update, Date.now()));
    heading.textContent =
      update.error || update.record?.status === 'failed' ? `"${name}" failed` : `"${name}" finished`;
    replaceChildren(body, ...summaryParts(app, update, sheet));
    if (!announced) announceEnd(app, update, sheet);
    announced = true;
  };
  const unsubscribe = driver.subscribe(draw);
  // Elapsed time moves even when no answer arrives; redraw once a second while running.
  const ticker = window.setInterval(() => {
    if (!driver.latest.done) draw(driver.latest);
  }, 1000);
  return {
    el,
    dispose: () => {
      unsubscribe();
      window.clearInterval(ticker);
    },
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
    h(
      'p',
      { className: 'hint' },
      'You can close the sidebar: the import keeps its place and continues on its next run.',
    ),
  ];
}

function failureMessage(update: RunUpdate): string | undefined {
  if (update.error) return update.error;
  if (update.record?.status === 'failed') return update.record.message ?? 'The import failed.';
  return undefined;
}

function summaryParts(app: App, update: RunUpdate, sheet: string): HTMLElement[] {
  const record = update.record;
  const failure = failureMessage(update);
  const parts: HTMLElement[] = [];
  if (failure) parts.push(h('p', { className: 'run-error' }, failure));
  else if (record) parts.push(h('p', { className: 'success' }, successSentence(record, sheet)));
  if (!failure && record?.changeSummary)
    parts.push(h('p', { className: 'changes' }, describeChanges(record.changeSummary, 'Changes')));
  if (record && !isRunActive(record)) {
    parts.push(
      h(
        'dl',
        { className: 'stats' },
        ...stat('Records fetched', formatCount(record.rowsFetched)),
        ...stat('Rows written', formatCount(record.rowsWritten ?? 0)),
        ...stat('Pages', formatCount(record.pages)),
        ...stat('Requests to Lever', formatCount(record.requests)),
        ...stat('Google runs', formatCount(record.executions)),
        ...stat('Time', formatDuration(record.durationMs)),
      ),
    );
  }
  parts.push(
    h(
      'div',
      { className: 'actions' },
      button('Back to imports', () => app.go({ name: 'imports' }), { kind: 'action' }),
      button('Run again', () => {
        app.startRun(update.importId);
        app.go({ name: 'run', importId: update.importId });
      }),
    ),
  );
  return parts;
}

function successSentence(record: RunRecord, sheet: string): string {
  const written = record.rowsWritten ?? record.rowsFetched;
  return `Wrote ${plural(written, 'row')} to the sheet "${sheet}".`;
}

function announceEnd(app: App, update: RunUpdate, sheet: string): void {
  const failure = failureMessage(update);
  if (failure) app.notices.error(failure);
  else if (update.record) app.notices.info(`Import finished. ${successSentence(update.record, sheet)}`);
}
