// Taking over another editor's schedule: a button, then a confirmation that says whose key will run it from now on.
import type { ImportStatus } from '../../src/shared/types';
import type { App } from '../app';
import { button } from '../controls';
import { h, replaceChildren, withBusyButton } from '../dom';
import { describeSchedule, ENVIRONMENT_BADGES } from '../format';
import { errorMessage } from '../server';

/** The "Take over this schedule" button and the area its confirmation opens in. */
export function takeOverControls(app: App, status: ImportStatus): HTMLElement[] {
  const area = h('div');
  const open = button('Take over this schedule', () => confirmTakeOver(app, status, area, open), { kind: 'action' });
  return [h('div', { className: 'actions' }, open), area];
}

function ownerName(status: ImportStatus): string {
  return status.definition.scheduleOwner || 'another editor';
}

/** The confirmation, or what to do first when the user has no key to run it with. */
function confirmTakeOver(app: App, status: ImportStatus, area: HTMLElement, opener: HTMLButtonElement): void {
  const cancel = button('Cancel', () => {
    replaceChildren(area);
    opener.focus();
  });
  const [sentence, confirm] = takeOverChoice(app, status);
  const label = `Take over ${status.definition.name}`;
  const actions = h('div', { className: 'actions' }, confirm, cancel);
  replaceChildren(
    area,
    h('div', { className: 'confirm take-over', role: 'group', 'aria-label': label }, h('p', null, sentence), actions),
  );
  cancel.focus();
}

/** What taking over means and its Yes button; without a saved key, why not yet and a way to connect. */
function takeOverChoice(app: App, status: ImportStatus): [string, HTMLButtonElement] {
  const key = app.state.key;
  if (key.saved) {
    const environment = ENVIRONMENT_BADGES[key.environment ?? 'production'];
    return [takeOverSentence(status, environment, key.last4), takeOverButton(app, status)];
  }
  const connect = button('Connect to Lever', () => app.go({ name: 'connect' }), { kind: 'action' });
  return ['A schedule you take over runs with your own Lever key, and you have not saved one yet.', connect];
}

function takeOverButton(app: App, status: ImportStatus): HTMLButtonElement {
  const yes = button('Yes, take it over', () => void takeOver(app, status, yes), { kind: 'action' });
  return yes;
}

/** What changes, in words: whose key and account run the schedule from now on, and that the old owner's stops. */
export function takeOverSentence(status: ImportStatus, environment: string, last4: string | undefined): string {
  const owner = ownerName(status);
  const keyName = last4 ? `your Lever ${environment} key ending in ${last4}` : `your Lever ${environment} key`;
  const schedule = describeSchedule(status.definition.schedule);
  const when = schedule.charAt(0).toLowerCase() + schedule.slice(1);
  return (
    `Take over "${status.definition.name}"? From now on it runs ${when} ` +
    `with YOUR Lever key (${keyName}) and your Google account, and you are shown as its owner. ` +
    `It stops running with ${owner}'s key.`
  );
}

async function takeOver(app: App, status: ImportStatus, trigger: HTMLButtonElement): Promise<void> {
  try {
    const work = () => app.server.takeOverSchedule(status.definition.id);
    const updated = await withBusyButton(trigger, 'Taking over…', work);
    await app.reload();
    const schedule = describeSchedule(updated.schedule);
    app.go({ name: 'imports' }, `You now run the schedule of "${updated.name}" (${schedule}) with your Lever key.`);
  } catch (error) {
    app.notices.error(errorMessage(error));
  }
}
