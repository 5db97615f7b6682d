// Labelled form controls and buttons in the add-on look; every control gets a real <label> or <legend>.
import type { LeverEnvironment } from '../src/shared/types';
import { h, replaceChildren, uid, withBusyButton } from './dom';
import { ENVIRONMENT_BADGES } from './format';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

type ButtonKind = 'action' | 'secondary' | 'danger' | 'link' | 'icon';

/** A button; `action` is the blue Google add-on primary button. */
export function button(
  text: string,
  onClick: (event: Event) => void,
  options: { kind?: ButtonKind; label?: string; type?: 'button' | 'submit' } = {},
): HTMLButtonElement {
  return h(
    'button',
    { type: options.type ?? 'button', className: options.kind ?? 'secondary', 'aria-label': options.label, onClick },
    text,
  );
}

function hint(text: string | undefined, id: string): HTMLElement | null {
  return text ? h('p', { className: 'hint', id }, text) : null;
}

interface TextFieldOptions {
  label: string;
  value?: string;
  type?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
}

/** A text-like input with its label above and an optional hint wired through aria-describedby. */
export function textField(options: TextFieldOptions): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = uid('field');
  const hintId = `${id}-hint`;
  const input = h('input', {
    id,
    type: options.type ?? 'text',
    value: options.value ?? '',
    autocomplete: options.autocomplete ?? 'off',
    'aria-describedby': options.hint ? hintId : undefined,
    required: options.required,
  });
  const wrap = h(
    'div',
    { className: 'field' },
    h('label', { for: id }, options.label),
    input,
    hint(options.hint, hintId),
  );
  return { wrap, input };
}

interface SelectFieldOptions<V extends string> {
  label: string;
  options: readonly Option<V>[];
  value?: V;
  hint?: string;
  inline?: boolean;
}

/** A labelled <select>. */
export function selectField<V extends string>(
  options: SelectFieldOptions<V>,
): { wrap: HTMLElement; select: HTMLSelectElement } {
  const id = uid('select');
  const hintId = `${id}-hint`;
  const choices = options.options.map((opt) =>
    h('option', { value: opt.value, selected: opt.value === options.value }, opt.label),
  );
  const select = h('select', { id, 'aria-describedby': options.hint ? hintId : undefined }, ...choices);
  const label = h('label', { for: id }, options.label);
  const wrap = h(
    'div',
    { className: options.inline ? 'field inline' : 'field' },
    label,
    select,
    hint(options.hint, hintId),
  );
  return { wrap, select };
}

interface CheckboxOptions {
  label: string;
  checked?: boolean;
  disabled?: boolean;
  hint?: string;
}

/** A checkbox with its label to the right. */
export function checkbox(options: CheckboxOptions): { wrap: HTMLElement; input: HTMLInputElement } {
  const id = uid('check');
  const hintId = `${id}-hint`;
  const input = h('input', {
    id,
    type: 'checkbox',
    checked: options.checked,
    disabled: options.disabled,
    'aria-describedby': options.hint ? hintId : undefined,
  });
  const wrap = h(
    'div',
    { className: 'check' },
    input,
    h('label', { for: id }, options.label),
    hint(options.hint, hintId),
  );
  return { wrap, input };
}

interface RadioGroupOptions<V extends string> {
  legend: string;
  options: readonly Option<V>[];
  value: V;
  onChange?: (value: V) => void;
}

/** A fieldset of radio buttons; `value()` reads the checked one. */
export function radioGroup<V extends string>(
  options: RadioGroupOptions<V>,
): { fieldset: HTMLFieldSetElement; value: () => V; inputs: HTMLInputElement[] } {
  const name = uid('radio');
  const rows = options.options.map((opt) => radioRow(name, opt, options));
  const inputs = rows.map((row) => row.input);
  const fieldset = h('fieldset', null, h('legend', null, options.legend), ...rows.map((row) => row.wrap));
  const value = () => (inputs.find((input) => input.checked)?.value ?? options.value) as V;
  return { fieldset, value, inputs };
}

function radioRow<V extends string>(name: string, opt: Option<V>, group: RadioGroupOptions<V>) {
  const id = uid('radio-opt');
  const checked = opt.value === group.value;
  const onChange = () => group.onChange?.(opt.value);
  const input = h('input', { id, type: 'radio', name, value: opt.value, checked, onChange });
  return { input, wrap: h('div', { className: 'check' }, input, h('label', { for: id }, opt.label)) };
}

/** A titled section with its own heading level, labelled by that heading. */
export function section(title: string, level: 'h2' | 'h3', ...children: (Node | null)[]): HTMLElement {
  const id = uid('section');
  return h('section', { 'aria-labelledby': id }, h(level, { id }, title), ...children);
}

/** The small "Production" / "Sandbox" / "EU" badge shown wherever a key or an import appears. */
export function environmentBadge(environment: LeverEnvironment | undefined): HTMLElement {
  const env = environment ?? 'production';
  return h(
    'span',
    { className: `badge env-${env}`, title: `Lever ${ENVIRONMENT_BADGES[env]} account` },
    ENVIRONMENT_BADGES[env],
  );
}

/**
 * An inline "are you sure" group in `area`: a danger button that runs `confirm` (busy while it runs; failures go
 * to `onError`) and a Cancel that clears the area. Focus starts on Cancel, the safe choice.
 */
export function confirmInline(area: HTMLElement, options: ConfirmOptions): void {
  const cancel = button('Cancel', () => replaceChildren(area));
  const actions = h('div', { className: 'actions' }, confirmButton(options), cancel);
  const group = { className: 'confirm', role: 'group', 'aria-label': options.label };
  replaceChildren(area, h('div', group, h('p', null, options.question), actions));
  cancel.focus();
}

interface ConfirmOptions {
  label: string;
  question: string;
  confirmText: string;
  busyText: string;
  confirm: () => Promise<void>;
  onError: (error: unknown) => void;
}

/** The danger button: busy while `confirm` runs; a failure goes to `onError`. */
function confirmButton(options: ConfirmOptions): HTMLButtonElement {
  const run = async () => {
    try {
      await options.confirm();
    } catch (error) {
      options.onError(error);
    }
  };
  const yes = button(options.confirmText, () => void withBusyButton(yes, options.busyText, run), { kind: 'danger' });
  return yes;
}
