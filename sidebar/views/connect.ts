// Connect view: paste and check a Lever key, or see the saved key (masked), what it can read, replace or remove it.
import {
  type ConfidentialNotice,
  type KeyStatus,
  LEVER_ENDPOINTS,
  type LeverEnvironment,
} from '../../src/shared/types';
import type { App, RenderedView } from '../app';
import { button, checkbox, confirmInline, environmentBadge, radioGroup, section, textField } from '../controls';
import { h, replaceChildren, withBusyButton } from '../dom';
import { ENDPOINT_LABELS, ENVIRONMENT_LABELS, formatInstant } from '../format';
import { errorMessage } from '../server';
import { keyGuide } from './key-guide';

const ENVIRONMENT_OPTIONS = (['production', 'sandbox', 'eu'] as const).map((value) => ({
  value,
  label: ENVIRONMENT_LABELS[value],
}));

export function renderConnect(app: App): RenderedView {
  const el = h('div', { className: 'view' });
  const show = (replacing: boolean) => {
    const key = app.state.key;
    replaceChildren(el, ...(key.saved && !replacing ? savedKeyView(app, key, show) : keyForm(app, key, show)));
  };
  show(false);
  return { el };
}

function keyForm(app: App, key: KeyStatus, show: (replacing: boolean) => void): Node[] {
  return [
    h('h1', null, key.saved ? 'Replace the Lever key' : 'Connect to Lever'),
    h('p', null, key.saved ? REPLACE_INTRO : CONNECT_INTRO),
    keyFormElement(app, key, show),
    keyGuide(!key.saved),
  ];
}

const REPLACE_INTRO = 'Paste the new key. The current key stays saved unless Lever accepts the new one.';
const CONNECT_INTRO =
  'Paste an API key from your Lever account to bring requisitions and opportunities into this spreadsheet.';

/** The key field, its Show toggle, the account choice, and Check and save (with Cancel when replacing). */
function keyFormElement(app: App, key: KeyStatus, show: (replacing: boolean) => void): HTMLFormElement {
  const field = keyField();
  const environment = radioGroup<LeverEnvironment>({
    legend: 'Lever account',
    options: ENVIRONMENT_OPTIONS,
    value: key.environment ?? 'production',
  });
  const submit = button('Check and save', () => undefined, { kind: 'action', type: 'submit' });
  const form = h('form', { className: 'stack' }, field.wrap, field.reveal, environment.fieldset);
  form.append(h('div', { className: 'actions' }, submit, key.saved ? button('Cancel', () => show(false)) : null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveKey(app, field.input, environment.value(), submit);
  });
  return form;
}

/** The password field for the key, and a checkbox that shows it as text. */
function keyField(): { wrap: HTMLElement; input: HTMLInputElement; reveal: HTMLElement } {
  const field = textField({ label: 'Lever API key', type: 'password', hint: KEY_HINT });
  field.input.spellcheck = false;
  const reveal = checkbox({ label: 'Show key' });
  reveal.input.addEventListener('change', () => {
    field.input.type = reveal.input.checked ? 'text' : 'password';
  });
  return { ...field, reveal: reveal.wrap };
}

const KEY_HINT = 'Saved only in your own Google account for this add-on. Collaborators never see it.';

async function saveKey(app: App, input: HTMLInputElement, environment: LeverEnvironment, submit: HTMLButtonElement) {
  const key = input.value.trim();
  if (!key) return refuseKey(app, input, 'Paste your Lever API key first.');
  try {
    const status = await withBusyButton(submit, 'Checking…', () => app.server.saveApiKey(key, environment));
    input.value = '';
    await app.reload();
    app.state.key = status;
    app.go({ name: 'connect' }, `Key saved. ${readableSummary(status)}`);
  } catch (error) {
    refuseKey(app, input, errorMessage(error));
  }
}

function refuseKey(app: App, input: HTMLInputElement, message: string): void {
  app.notices.error(message);
  input.focus();
}

function readableSummary(key: KeyStatus): string {
  const missing = LEVER_ENDPOINTS.filter((endpoint) => key.permissions && !key.permissions[endpoint]).map(
    (endpoint) => ENDPOINT_LABELS[endpoint],
  );
  if (key.offersAccess === false) missing.push('Offers (offer columns and start dates stay empty)');
  if (missing.length === 0) return 'It can read everything this add-on uses.';
  return `It cannot read: ${missing.join(', ')}.`;
}

function savedKeyView(app: App, key: KeyStatus, show: (replacing: boolean) => void): Node[] {
  const confirmArea = h('div');
  return [
    h('h1', null, 'Lever key'),
    accountLine(key, app.state.spreadsheetTimeZone),
    keyMessage(key),
    permissionTable(key),
    key.confidential ? confidentialBox(key.confidential) : null,
    savedKeyActions(app, confirmArea, show),
    confirmArea,
    app.state.imports.length === 0 ? firstImportLink(app) : null,
    keyGuide(false),
  ].filter((node): node is HTMLElement => node !== null);
}

/** "Connected to Lever (account) with the key ending in ••••1234, checked …." */
function accountLine(key: KeyStatus, timeZone: string): HTMLElement {
  const checked = key.checkedAt ? `, checked ${formatInstant(key.checkedAt, timeZone)}` : '';
  const last4 = h('strong', { className: 'mono' }, `••••${key.last4 ?? ''}`);
  const badge = environmentBadge(key.environment);
  return h(
    'p',
    { className: 'account' },
    'Connected to Lever ',
    badge,
    ' with the key ending in ',
    last4,
    `${checked}.`,
  );
}

function savedKeyActions(app: App, confirmArea: HTMLElement, show: (replacing: boolean) => void): HTMLElement {
  return h(
    'div',
    { className: 'actions' },
    button('Check again', (event) => void recheck(app, event.currentTarget as HTMLButtonElement)),
    button('Replace key', () => show(true)),
    button('Remove key', () => confirmRemove(app, confirmArea), { kind: 'danger' }),
  );
}

function firstImportLink(app: App): HTMLElement {
  return h(
    'p',
    null,
    button('Create an import', () => app.go({ name: 'builder' }), { kind: 'action' }),
  );
}

/** The server's remark on the key (missing endpoints); confidential access is the notice below. */
function keyMessage(key: KeyStatus): HTMLElement | null {
  const lines = [key.message, key.quotaWarning].filter((line): line is string => Boolean(line));
  return lines.length > 0 ? h('div', null, ...lines.map((line) => h('p', { className: 'warning' }, line))) : null;
}

/** What the key means for confidential records: a warning when they are invisible to it, else information. */
export function confidentialBox(notice: ConfidentialNotice): HTMLElement {
  const className = notice.state === 'invisible-to-key' ? 'warning confidential' : 'info-box confidential';
  return h('p', { className, 'data-state': notice.state }, notice.message);
}

type Readable = boolean | 'unknown' | undefined;

function permissionTable(key: KeyStatus): HTMLElement {
  const rows = LEVER_ENDPOINTS.map((endpoint) => permissionRow(ENDPOINT_LABELS[endpoint], key.permissions?.[endpoint]));
  rows.push(permissionRow('Offers', key.offersAccess));
  rows.push(permissionRow('Confidential data', key.confidentialAccess));
  const head = h('tr', null, h('th', { scope: 'col' }, 'Lever data'), h('th', { scope: 'col' }, 'Can read'));
  const table = h('table', { className: 'permissions' }, h('thead', null, head), h('tbody', null, ...rows));
  return section('What this key can read', 'h2', table);
}

function permissionRow(label: string, value: Readable): HTMLElement {
  const cells = [h('th', { scope: 'row' }, label), h('td', null, yesNo(value))];
  return h('tr', { className: value === false ? 'denied' : '' }, ...cells);
}

function yesNo(value: Readable): string {
  if (value === 'unknown' || value === undefined) return 'Cannot tell yet';
  return value ? 'Yes' : 'No';
}

async function recheck(app: App, trigger: HTMLButtonElement) {
  try {
    const status = await withBusyButton(trigger, 'Checking…', () => app.server.checkApiKey());
    app.state.key = status;
    app.go({ name: 'connect' }, `Key checked. ${readableSummary(status)}`);
  } catch (error) {
    app.notices.error(errorMessage(error));
  }
}

function confirmRemove(app: App, area: HTMLElement) {
  confirmInline(area, {
    label: 'Confirm removing the key',
    question: REMOVE_QUESTION,
    confirmText: 'Yes, remove the key',
    busyText: 'Removing…',
    confirm: () => removeKey(app),
    onError: (error) => app.notices.error(errorMessage(error)),
  });
}

const REMOVE_QUESTION =
  'Remove the saved key? Your imports stay, but they cannot run, and your schedules stop, until a key is saved again.';

async function removeKey(app: App): Promise<void> {
  app.state.key = await app.server.removeApiKey();
  await app.reload();
  app.go({ name: 'connect' }, 'Key removed.');
}
