// Schedule editor: off, every N hours, daily at, weekly on … at; read-only (with take-over) for other editors.
import type { ImportStatus, ScheduleSpec } from '../../src/shared/types';
import type { App, RenderedView, Route } from '../app';
import { button, environmentBadge, type Option, radioGroup, selectField } from '../controls';
import { h, withBusyButton } from '../dom';
import { describeSchedule, formatHour, formatNextRun, WEEK_DAYS } from '../format';
import { errorMessage } from '../server';
import { takeOverControls } from './take-over';

const EVERY_HOURS = [1, 2, 4, 6, 8, 12];
const HOURS: Option[] = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: formatHour(hour) }));
const DAYS: Option[] = WEEK_DAYS.map((day) => ({ value: day, label: day.charAt(0) + day.slice(1).toLowerCase() }));

export function renderSchedule(app: App, route: Route): RenderedView {
  const importId = route.name === 'schedule' ? route.importId : '';
  const status = app.state.imports.find((s) => s.definition.id === importId);
  return { el: status ? scheduleView(app, status) : goneView(app) };
}

function goneView(app: App): HTMLElement {
  return h(
    'div',
    { className: 'view' },
    h('h1', null, 'Schedule'),
    h('p', null, 'This import no longer exists.'),
    back(app),
  );
}

/** The editor, or the read-only view with take-over when another editor's schedule runs this import. */
function scheduleView(app: App, status: ImportStatus): HTMLElement {
  const spec = status.definition.schedule;
  const ownedByOther = !!spec && spec.kind !== 'off' && status.ownedByMe === false;
  return h(
    'div',
    { className: 'view' },
    h('h1', null, `Schedule "${status.definition.name}"`),
    h('p', { className: 'account' }, 'Reads from Lever ', environmentBadge(status.definition.environment)),
    status.warning ? h('p', { className: 'warning card-warning', role: 'note' }, status.warning) : null,
    ...(ownedByOther ? readOnly(app, status) : editor(app, status)),
  );
}

function back(app: App): HTMLButtonElement {
  return button('Back to imports', () => app.go({ name: 'imports' }));
}

/** Google starts the hourly check at a minute of its choosing, so the slot is "after", never an exact time. */
function nextRunLine(app: App, status: ImportStatus): HTMLElement | null {
  if (!status.nextRunAt) return null;
  return h(
    'p',
    null,
    `Next run: ${formatNextRun(status.nextRunAt, app.state.spreadsheetTimeZone)} (within that hour; Google picks the minute).`,
  );
}

function readOnly(app: App, status: ImportStatus): HTMLElement[] {
  const owner = status.definition.scheduleOwner || 'another editor';
  return [
    h('p', null, h('strong', null, describeSchedule(status.definition.schedule)), `, set up by ${owner}.`),
    ...present(nextRunLine(app, status)),
    h('p', { className: 'info-box' }, onlyOwnerSentence(owner)),
    ...takeOverControls(app, status),
    h('div', { className: 'actions' }, back(app)),
  ];
}

function onlyOwnerSentence(owner: string): string {
  return `Only ${owner} can change or stop this schedule: it runs with their Lever key and their Google account. If they left or the schedule keeps failing, take it over to run it with your own key.`;
}

function present(node: HTMLElement | null): HTMLElement[] {
  return node ? [node] : [];
}

const KINDS: Option<ScheduleSpec['kind']>[] = [
  { value: 'off', label: 'Only when I click Run now' },
  { value: 'hourly', label: 'Every few hours' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
];

const EVERY_OPTIONS: Option[] = EVERY_HOURS.map((n) => ({
  value: String(n),
  label: n === 1 ? '1 hour' : `${n} hours`,
}));

/** The kind radios and the fields each kind uses (only those of the chosen kind are shown). */
function scheduleFields(current: ScheduleSpec): { nodes: HTMLElement[]; read: () => ScheduleSpec } {
  const every = selectField({ label: 'Every', options: EVERY_OPTIONS, value: String(current.everyHours ?? 4) });
  const day = selectField({ label: 'On', options: DAYS, value: current.weekDay ?? 'MONDAY' });
  const hour = selectField({ label: 'At', options: HOURS, value: String(current.hour ?? 7) });
  const sync = (kind: ScheduleSpec['kind']) => showKindFields(kind, every.wrap, day.wrap, hour.wrap);
  const kind = radioGroup({ legend: 'Refresh this import', options: KINDS, value: current.kind, onChange: sync });
  sync(current.kind);
  return {
    nodes: [kind.fieldset, every.wrap, day.wrap, hour.wrap],
    read: () => specFrom(kind.value(), every.select.value, day.select.value, hour.select.value),
  };
}

function showKindFields(kind: ScheduleSpec['kind'], every: HTMLElement, day: HTMLElement, hour: HTMLElement): void {
  every.hidden = kind !== 'hourly';
  day.hidden = kind !== 'weekly';
  hour.hidden = kind !== 'daily' && kind !== 'weekly';
}

function editor(app: App, status: ImportStatus): HTMLElement[] {
  const current: ScheduleSpec = status.definition.schedule ?? { kind: 'off' };
  const fields = scheduleFields(current);
  return [
    h(
      'p',
      null,
      `Now: ${describeSchedule(current)}${current.kind !== 'off' && status.ownedByMe ? ', run by you' : ''}.`,
    ),
    ...present(nextRunLine(app, status)),
    ...fields.nodes,
    h('p', { className: 'hint' }, `Times are in the spreadsheet's time zone (${app.state.spreadsheetTimeZone}).`),
    h('p', { className: 'hint' }, OWNER_HINT),
    editorActions(app, status, fields.read),
  ];
}

const OWNER_HINT =
  'Scheduled runs use your Lever key and your Google account, even when the spreadsheet is closed. You will be shown as the schedule owner.';

function editorActions(app: App, status: ImportStatus, read: () => ScheduleSpec): HTMLElement {
  const save = button('Save schedule', () => void saveSchedule(app, status, read(), save), { kind: 'action' });
  const cancel = button('Cancel', () => app.go({ name: 'imports' }), { kind: 'link' });
  return h('div', { className: 'actions' }, save, cancel);
}

/** The spec for the chosen kind, carrying only the fields that kind uses. */
export function specFrom(kind: ScheduleSpec['kind'], everyHours: string, weekDay: string, hour: string): ScheduleSpec {
  if (kind === 'hourly') return { kind, everyHours: Number(everyHours) };
  if (kind === 'daily') return { kind, hour: Number(hour) };
  if (kind === 'weekly') return { kind, weekDay, hour: Number(hour) };
  return { kind: 'off' };
}

async function saveSchedule(app: App, status: ImportStatus, spec: ScheduleSpec, trigger: HTMLButtonElement) {
  try {
    await withBusyButton(trigger, 'Saving…', () => app.server.setSchedule(status.definition.id, spec));
    await app.reload();
    app.go({ name: 'imports' }, `Schedule for "${status.definition.name}": ${describeSchedule(spec)}.`);
  } catch (error) {
    app.notices.error(errorMessage(error));
  }
}
