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
  const field = textField({
    label: 'Lever API key',
    type: 'password',
    hint: 'Saved only in your own Google account for this add-on. Collaborators never see it.',
  });
  field.input.spellcheck = false;
  const reveal = checkbox({ label: 'Show key' });
  reveal.input.addEventListener('change', () => {
    field.input.type = reveal.input.checked ? 'text' : 'password';
  });
  const environment = radioGroup<LeverEnvironment>({
    legend: 'Lever account',
    options: ENVIRONMENT_OPTIONS,
    value: key.environment ?? 'production',
  });
  const submit = button('Check and save', () => undefined, { kind: 'action', type: 'submit' });
  const form = h('form', { className: 'stack' }, field.wrap, reveal.wrap, environment.fieldset);
  const actions = h('div', { className: 'actions' }, submit);
  if (key.saved) actions.append(button('Cancel', () => show(false)));
  form.append(actions);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void saveKey(app, field.input, environment.value(), submit);
  });
  const intro = key.saved
    ? 'Paste the new key. The current key stays saved unless Lever accepts the new one.'
    : 'Paste an API key from your Lever account to bring requisitions and opportunities into this spreadsheet.';
  return [
    h('h1', null, key.saved ? 'Replace the Lever key' : 'Connect to Lever'),
    h('p', null, intro),
    form,
    keyGuide(!key.saved),
  ];
}

async function saveKey(app: App, input: HTMLInputElement, environment: LeverEnvironment, submit: HTMLButtonElement) {
  const key = input.value.trim();
  if (!key) {
    app.notices.error('Paste your Lever API key first.');
    input.focus();
    return;
  }
  try {
    const status = await withBusyButton(submit, 'Checking…', () => app.server.saveApiKey(key, environment));
    input.value = '';
    await app.reload();
    app.state.key = status;
    app.go({ name: 'connect' }, `Key saved. ${readableSummary(status)}`);
  } catch (error) {
    app.notices.error(errorMessage(error));
    input.focus();
  }
}

function readableSummary(key: KeyStatus): string {
  const missing = LEVER_ENDPOINTS.filter((endpoint) => key.permissions && !key.permissions[endpoint]);
  if (missing.length === 0) return 'It can read everything this add-on uses.';
  return `It cannot read: ${missing.map((endpoint) => ENDPOINT_LABELS[endpoint]).join(', ')}.`;
}

function savedKeyView(app: App, key: KeyStatus, show: (replacing: boolean) => void): Node[] {
  const checked = key.checkedAt ? `, checked ${formatInstant(key.checkedAt, app.state.spreadsheetTimeZone)}` : '';
  const confirmArea = h('div');
  const actions = h(
    'div',
    { className: 'actions' },
    button('Check again', (event) => void recheck(app, event.currentTarget as HTMLButtonElement)),
    button('Replace key', () => show(true)),
    button('Remove key', () => confirmRemove(app, confirmArea), { kind: 'danger' }),
  );
  return [
    h('h1', null, 'Lever key'),
    h(
      'p',
      { className: 'account' },
      'Connected to Lever ',
      environmentBadge(key.environment),
      ' with the key ending in ',
      h('strong', { className: 'mono' }, `••••${key.last4 ?? ''}`),
      `${checked}.`,
    ),
    keyMessage(key),
    permissionTable(key),
    key.confidential ? confidentialBox(key.confidential) : null,
    actions,
    confirmArea,
    app.state.imports.length === 0
      ? h(
          'p',
          null,
          button('Create an import', () => app.go({ name: 'builder' }), { kind: 'action' }),
        )
      : null,
    keyGuide(false),
  ].filter((node): node is HTMLElement => node !== null);
}

/** The server's remark on the key (missing endpoints); confidential access is the notice below. */
function keyMessage(key: KeyStatus): HTMLElement | null {
  return key.message ? h('p', { className: 'warning' }, key.message) : null;
}

/** What the key means for confidential records: a warning when they are invisible to it, else information. */
export function confidentialBox(notice: ConfidentialNotice): HTMLElement {
  const className = notice.state === 'invisible-to-key' ? 'warning confidential' : 'info-box confidential';
  return h('p', { className, 'data-state': notice.state }, notice.message);
}

function permissionTable(key: KeyStatus): HTMLElement {
  const yesNo = (value: boolean | 'unknown' | undefined) =>
    value === 'unknown' || value === undefined ? 'Cannot tell yet' : value ? 'Yes' : 'No';
  const row = (label: string, value: boolean | 'unknown' | undefined) =>
    h(
      'tr',
      { className: value === false ? 'denied' : '' },
      h('th', { scope: 'row' }, label),
      h('td', null, yesNo(value)),
    );
  const rows = LEVER_ENDPOINTS.map((endpoint) => row(ENDPOINT_LABELS[endpoint], key.permissions?.[endpoint]));
  rows.push(row('Confidential data', key.confidentialAccess));
  return section(
    'What this key can read',
    'h2',
    h(
      'table',
      { className: 'permissions' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Lever data'), h('th', { scope: 'col' }, 'Can read'))),
      h('tbody', null, ...rows),
    ),
  );
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
    question:
      'Remove the saved key? Your imports stay, but they cannot run, and your schedules stop, until a key is saved again.',
    confirmText: 'Yes, remove the key',
    busyText: 'Removing…',
    confirm: async () => {
      app.state.key = await app.server.removeApiKey();
      await app.reload();
      app.go({ name: 'connect' }, 'Key removed.');
    },
    onError: (error) => app.notices.error(errorMessage(error)),
  });
}
