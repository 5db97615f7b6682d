// The builder's filters: created-date range, archived/snoozed, requisition status and confidential records.
import type { KeyStatus, RequisitionStatus, TriState } from '../../src/shared/types';
import { checkbox, type Option, section, selectField, textField } from '../controls';
import { h, uid } from '../dom';
import { type Draft, REQUISITION_STATUSES } from './builder-model';

const STATUS_LABELS: Record<RequisitionStatus, string> = {
  open: 'Open',
  onHold: 'On hold',
  closed: 'Closed',
  draft: 'Draft',
};

function triStateOptions(onlyLabel: string): Option<TriState>[] {
  return [
    { value: 'exclude', label: 'Leave out' },
    { value: 'include', label: 'Include' },
    { value: 'only', label: onlyLabel },
  ];
}

function dateField(
  label: string,
  value: string | undefined,
  hintId: string,
  set: (value: string) => void,
): HTMLElement {
  const field = textField({ label, type: 'date', value: value ?? '' });
  field.input.setAttribute('aria-describedby', hintId);
  field.input.addEventListener('change', () => set(field.input.value));
  return field.wrap;
}

function triStateField(
  label: string,
  value: TriState,
  onlyLabel: string,
  set: (value: TriState) => void,
  hint?: string,
): HTMLElement {
  const field = selectField({ label, options: triStateOptions(onlyLabel), value, hint });
  field.select.addEventListener('change', () => set(field.select.value as TriState));
  return field.wrap;
}

function statusFieldset(draft: Draft): HTMLElement {
  const chosen = new Set(draft.filters.requisitionStatus ?? REQUISITION_STATUSES);
  const boxes = REQUISITION_STATUSES.map((status) => statusBox(draft, chosen, status));
  return h('fieldset', null, h('legend', null, 'Requisition status'), ...boxes);
}

/** One status's checkbox; a change rewrites the draft's statuses in their canonical order. */
function statusBox(draft: Draft, chosen: Set<RequisitionStatus>, status: RequisitionStatus): HTMLElement {
  const box = checkbox({ label: STATUS_LABELS[status], checked: chosen.has(status) });
  box.input.addEventListener('change', () => {
    if (box.input.checked) chosen.add(status);
    else chosen.delete(status);
    draft.filters.requisitionStatus = REQUISITION_STATUSES.filter((s) => chosen.has(s));
  });
  return box.wrap;
}

/** The server's sentence for a key that cannot see confidential records; the sidebar's own words only as a fallback. */
const NO_CONFIDENTIAL_FALLBACK = 'Confidential records are not visible to your Lever key, so they are left out.';

function confidentialField(draft: Draft, key: KeyStatus): HTMLElement {
  if (key.confidentialAccess === false) {
    draft.filters.confidential = 'exclude';
    return h('p', { className: 'hint confidential' }, key.confidential?.message ?? NO_CONFIDENTIAL_FALLBACK);
  }
  // Lever returned no confidential record to the key check: the user should know what "cannot tell yet" means.
  const hint = key.confidential?.state === 'unknown' ? key.confidential.message : undefined;
  const set = (value: TriState) => {
    draft.filters.confidential = value;
  };
  return triStateField('Confidential records', draft.filters.confidential, 'Only confidential', set, hint);
}

/** The filters section for the draft's object; it edits `draft.filters` in place. */
export function filtersSection(draft: Draft, key: KeyStatus, timeZone: string): HTMLElement {
  const parts = [...dateFields(draft.filters, timeZone), ...objectFields(draft), confidentialField(draft, key)];
  return section('Filters', 'h2', ...parts);
}

/** The created-date range, both fields described by one hint. */
function dateFields(f: Draft['filters'], timeZone: string): HTMLElement[] {
  const hintId = uid('dates');
  return [
    dateField('Created on or after', f.createdAfter, hintId, (value) => {
      f.createdAfter = value || undefined;
    }),
    dateField('Created on or before', f.createdBefore, hintId, (value) => {
      f.createdBefore = value || undefined;
    }),
    h(
      'p',
      { className: 'hint', id: hintId },
      `Both dates are optional and count in the spreadsheet's time zone (${timeZone}).`,
    ),
  ];
}

/** Archived and snoozed for opportunities; the status checkboxes for requisitions. */
function objectFields(draft: Draft): HTMLElement[] {
  if (draft.object !== 'opportunities') return [statusFieldset(draft)];
  const f = draft.filters;
  return [
    triStateField('Archived opportunities', f.archived, 'Only archived', (value) => {
      f.archived = value;
    }),
    triStateField('Snoozed opportunities', f.snoozed, 'Only snoozed', (value) => {
      f.snoozed = value;
    }),
    hiresFieldset(f),
  ];
}

/** "Hires only" in one click (archived hires included whatever "Archived" says), and the hired-on range. */
function hiresFieldset(f: Draft['filters']): HTMLElement {
  const box = checkbox({ label: 'Hires only', checked: f.hiresOnly === true });
  box.input.addEventListener('change', () => {
    f.hiresOnly = box.input.checked || undefined;
  });
  const hintId = uid('hires');
  return h(
    'fieldset',
    null,
    h('legend', null, 'Hires'),
    box.wrap,
    dateField('Hired on or after', f.hiredAfter, hintId, (value) => {
      f.hiredAfter = value || undefined;
    }),
    dateField('Hired on or before', f.hiredBefore, hintId, (value) => {
      f.hiredBefore = value || undefined;
    }),
    h(
      'p',
      { className: 'hint', id: hintId },
      'Hires are opportunities archived with a "hired" reason: "Hires only" includes them even when archived ' +
        'opportunities are left out. The hired dates are optional.',
    ),
  );
}
