// Imports list: every saved import with its status, and run now, edit, schedule, duplicate, delete.
import type { ImportStatus } from '../../src/shared/types';
import type { App, RenderedView } from '../app';
import { button } from '../controls';
import { h, replaceChildren, uid, withBusyButton } from '../dom';
import { describeOutcome, describeSchedule, formatInstant, isRunActive, triggerLabel } from '../format';
import { errorMessage } from '../server';

const OBJECT_LABELS = { opportunities: 'Opportunities', requisitions: 'Requisitions' } as const;

export function renderImports(app: App): RenderedView {
  const list = h('div');
  const draw = () => replaceChildren(list, importList(app, draw));
  const el = h(
    'div',
    { className: 'view' },
    h('h1', null, 'Imports'),
    app.state.key.saved
      ? h(
          'div',
          { className: 'actions' },
          button('New import', () => app.go({ name: 'builder' }), { kind: 'action' }),
        )
      : h(
          'p',
          null,
          'Connect a Lever key first. ',
          button('Connect to Lever', () => app.go({ name: 'connect' }), { kind: 'action' }),
        ),
    list,
  );
  draw();
  refreshQuietly(app, draw);
  return { el, dispose: followRuns(app, draw) };
}

/** Runs started here that are still going: when one ends, its card shows the outcome without a manual refresh. */
function followRuns(app: App, draw: () => void): () => void {
  const unsubscribers = app.state.imports
    .map((status) => app.activeRun(status.definition.id))
    .filter((driver) => driver !== undefined)
    .map((driver) =>
      driver.subscribe((update) => {
        if (update.done) refreshQuietly(app, draw, true);
      }),
    );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** Statuses change while the sidebar is open (schedules run); redraw only when they did, so focus is kept. */
function refreshQuietly(app: App, draw: () => void, always = false): void {
  const before = JSON.stringify(app.state.imports);
  app
    .reload()
    .then((state) => {
      if (always || JSON.stringify(state.imports) !== before) draw();
    })
    .catch((error) => app.notices.error(errorMessage(error)));
}

function importList(app: App, redraw: () => void): HTMLElement {
  if (app.state.imports.length === 0) {
    return h('p', { className: 'empty' }, 'No imports yet. Create one to bring Lever data into this spreadsheet.');
  }
  return h(
    'ul',
    { className: 'imports', 'aria-label': 'Saved imports' },
    ...app.state.imports.map((status) => h('li', null, importCard(app, status, redraw))),
  );
}

function importCard(app: App, status: ImportStatus, redraw: () => void): HTMLElement {
  const def = status.definition;
  const headingId = uid('import');
  const confirmArea = h('div');
  return h(
    'article',
    { className: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, def.name),
    h('p', { className: 'meta' }, `${OBJECT_LABELS[def.object]} → sheet "${def.sheetName}"`),
    ...runLines(app, status),
    scheduleLine(app, status),
    status.warning ? h('p', { className: 'warning' }, status.warning) : null,
    cardActions(app, status, confirmArea, redraw),
    confirmArea,
  );
}

function runLines(app: App, status: ImportStatus): HTMLElement[] {
  const tz = app.state.spreadsheetTimeZone;
  const run = status.lastRun;
  if (app.activeRun(status.definition.id)) return [h('p', { className: 'status running' }, 'Running now…')];
  if (!run) return [h('p', { className: 'status' }, 'Never run')];
  const lines = [
    h(
      'p',
      { className: `status ${run.status}` },
      `Last run ${formatInstant(run.startedAt, tz)} ${triggerLabel(run)}: ${describeOutcome(run)}`,
    ),
  ];
  if (run.status === 'failed' && run.message) lines.push(h('p', { className: 'run-error' }, run.message));
  const success = status.lastSuccess;
  if (run.status === 'failed' && success?.endedAt) {
    lines.push(h('p', { className: 'meta' }, `Last success ${formatInstant(success.endedAt, tz)}`));
  }
  return lines;
}

function scheduleLine(app: App, status: ImportStatus): HTMLElement {
  const spec = status.definition.schedule;
  if (!spec || spec.kind === 'off') return h('p', { className: 'meta' }, 'Not scheduled');
  const owner = status.ownedByMe ? 'you' : status.definition.scheduleOwner || 'another editor';
  const next = status.nextRunAt ? `next ${formatInstant(status.nextRunAt, app.state.spreadsheetTimeZone)}` : '';
  return h('p', { className: 'meta' }, [describeSchedule(spec), next, `owner: ${owner}`].filter(Boolean).join(' · '));
}

function cardActions(app: App, status: ImportStatus, confirmArea: HTMLElement, redraw: () => void): HTMLElement {
  const id = status.definition.id;
  const running = !!app.activeRun(id) || isRunActive(status.lastRun);
  const duplicate = button('Duplicate', () => void duplicateImport(app, id, duplicate, redraw), { kind: 'link' });
  return h(
    'div',
    { className: 'actions' },
    button(running ? 'View progress' : 'Run now', () => startRun(app, id), { kind: 'action' }),
    button('Edit', () => app.go({ name: 'builder', importId: id }), { kind: 'link' }),
    button('Schedule', () => app.go({ name: 'schedule', importId: id }), { kind: 'link' }),
    duplicate,
    button('Delete', () => confirmDelete(app, status, confirmArea, redraw), { kind: 'link' }),
  );
}

function startRun(app: App, importId: string): void {
  app.startRun(importId);
  app.go({ name: 'run', importId });
}

async function duplicateImport(app: App, importId: string, trigger: HTMLButtonElement, redraw: () => void) {
  try {
    const copy = await withBusyButton(trigger, 'Duplicating…', () => app.server.duplicateImport(importId));
    await app.reload();
    redraw();
    app.notices.info(`Created "${copy.name}". Edit it to change its filters or sheet.`);
  } catch (error) {
    app.notices.error(errorMessage(error));
  }
}

function confirmDelete(app: App, status: ImportStatus, area: HTMLElement, redraw: () => void): void {
  const name = status.definition.name;
  const cancel = button('Cancel', () => replaceChildren(area));
  const remove = button(
    'Delete import',
    () =>
      void withBusyButton(remove, 'Deleting…', async () => {
        try {
          await app.server.deleteImport(status.definition.id);
          await app.reload();
          redraw();
          document.querySelector<HTMLElement>('#view h1')?.focus();
          app.notices.info(`Deleted "${name}". Its sheet was kept.`);
        } catch (error) {
          app.notices.error(errorMessage(error));
        }
      }),
    { kind: 'danger' },
  );
  replaceChildren(
    area,
    h(
      'div',
      { className: 'confirm', role: 'group', 'aria-label': `Confirm deleting ${name}` },
      h('p', null, `Delete "${name}"? Its sheet and rows stay; the import and its schedule are removed.`),
      h('div', { className: 'actions' }, remove, cancel),
    ),
  );
  cancel.focus();
}
