// The buttons on an import's card: run now (or view progress), edit, schedule, duplicate, and delete after a confirmation.
import type { ImportDefinition, ImportStatus } from '../../src/shared/types';
import type { App } from '../app';
import { button, confirmInline } from '../controls';
import { h, withBusyButton } from '../dom';
import { isRunActive } from '../format';
import { errorMessage } from '../server';

/** The action row and the (empty) area where a delete is confirmed. */
export function cardActions(app: App, status: ImportStatus, redraw: () => void): HTMLElement[] {
  const id = status.definition.id;
  const confirmArea = h('div');
  const running = !!app.activeRun(id) || isRunActive(status.lastRun);
  const duplicate = button('Duplicate', () => void duplicateImport(app, id, duplicate, redraw), { kind: 'link' });
  const row = h(
    'div',
    { className: 'actions' },
    button(running ? 'View progress' : 'Run now', () => startRun(app, id), { kind: 'action' }),
    ...goButtons(app, id),
    duplicate,
    button('Delete', () => confirmDelete(app, status, confirmArea, redraw), { kind: 'link' }),
  );
  return [row, confirmArea];
}

function goButtons(app: App, importId: string): HTMLButtonElement[] {
  return [
    button('Edit', () => app.go({ name: 'builder', importId }), { kind: 'link' }),
    button('Schedule', () => app.go({ name: 'schedule', importId }), { kind: 'link' }),
  ];
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
  confirmInline(area, {
    label: `Confirm deleting ${name}`,
    question: `Delete "${name}"? Its sheet and rows stay; the import and its schedule are removed.`,
    confirmText: 'Delete import',
    busyText: 'Deleting…',
    confirm: () => deleteImport(app, status.definition, redraw),
    onError: (error) => app.notices.error(errorMessage(error)),
  });
}

/** Deletes, redraws the list and puts focus on its heading, as the card that had it is gone. */
async function deleteImport(app: App, def: ImportDefinition, redraw: () => void): Promise<void> {
  await app.server.deleteImport(def.id);
  await app.reload();
  redraw();
  document.querySelector<HTMLElement>('#view h1')?.focus();
  app.notices.info(`Deleted "${def.name}". Its sheet was kept.`);
}
