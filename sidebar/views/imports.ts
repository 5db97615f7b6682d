// Imports list: every saved import as a card with its status and actions, then the spreadsheet's settings.
import type { App, RenderedView } from '../app';
import { button } from '../controls';
import { h, replaceChildren } from '../dom';
import { errorMessage } from '../server';
import { cardActions } from './import-actions';
import { importCard } from './import-card';
import { settingsSection } from './settings';

export function renderImports(app: App): RenderedView {
  const list = h('div');
  const settings = h('div');
  const draw = () => {
    replaceChildren(list, importList(app, draw));
    // Spreadsheet-wide settings only matter once there is an import to schedule.
    replaceChildren(settings, app.state.imports.length > 0 ? settingsSection(app) : null);
  };
  const el = h('div', { className: 'view' }, h('h1', null, 'Imports'), newImportOrConnect(app), list, settings);
  draw();
  refreshQuietly(app, draw);
  return { el, dispose: followRuns(app, draw) };
}

/** New import once a key is saved; until then, the way to connect. */
function newImportOrConnect(app: App): HTMLElement {
  if (app.state.key.saved) {
    const actions = h(
      'div',
      { className: 'actions' },
      button('New import', () => app.go({ name: 'builder' }), { kind: 'action' }),
    );
    return h('div', null, quotaWarning(app), actions);
  }
  const connect = button('Connect to Lever', () => app.go({ name: 'connect' }), { kind: 'action' });
  return h('p', null, 'Connect a Lever key first. ', connect);
}

/** Google's daily request limit is near: said before runs start failing. */
function quotaWarning(app: App): HTMLElement | null {
  const text = app.state.key.quotaWarning;
  return text ? h('p', { className: 'warning quota-warning', role: 'note' }, text) : null;
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
  const seen = (state: App['state']) => JSON.stringify([state.imports, state.failureEmails, state.key.environment]);
  const before = seen(app.state);
  app
    .reload()
    .then((state) => {
      if (always || seen(state) !== before) draw();
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
    ...app.state.imports.map((status) => h('li', null, importCard(app, status, cardActions(app, status, redraw)))),
  );
}
