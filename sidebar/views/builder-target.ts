// The builder's target: a new or existing sheet (with a warning for sheets the add-on did not create) and write mode.
import type { FullRefreshCadence, ImportObject, SidebarState, WriteMode } from '../../src/shared/types';
import { checkbox, type Option, radioGroup, section, selectField, textField } from '../controls';
import { h, replaceChildren } from '../dom';
import { type Draft, isForeignSheet, targetSheetName } from './builder-model';

const WRITE_MODES: Option<WriteMode>[] = [
  { value: 'replace', label: 'Replace the rows each run' },
  { value: 'updateById', label: 'Update rows by Lever ID' },
  { value: 'appendSnapshot', label: 'Add a dated snapshot each run' },
];

const WRITE_MODE_HINTS: Record<WriteMode, string> = {
  replace:
    "Each run rewrites the import's columns in Lever's order. Columns you add to the right move with their rows: " +
    'each note or formula stays beside its own record.',
  updateById:
    'Rows keep their place; changed records are updated and new ones added at the bottom. Columns you add to the ' +
    'right stay beside their records.',
  appendSnapshot:
    'Each run adds every matching record below the last snapshot, stamped with the run date. Rows already written ' +
    'never move, so columns you add to the right stay beside them.',
};

/** The "Where to write" section; it edits the draft's sheet and write mode in place. */
export function targetSection(draft: Draft, state: SidebarState): HTMLElement {
  const warning = h('div', { className: 'foreign' });
  const sheetChanged = () => {
    draft.foreignSheetConfirmed = false;
    foreignWarning(draft, state, warning);
  };
  const { newName, existing } = sheetFields(draft, state, sheetChanged);
  const showMode = () => showSheetMode(draft, newName, existing, sheetChanged);
  const mode = sheetModeGroup(draft, state, showMode);
  showMode();
  const fields: (HTMLElement | null)[] = [
    mode,
    newName,
    existing,
    warning,
    writeModeFields(draft),
    trackChangesField(draft),
  ];
  if (draft.object === 'opportunities') fields.push(fullRefreshField(draft), fullOnlyNote(draft, state));
  return section('Where to write', 'h2', ...fields);
}

/** Shows the field of the chosen sheet mode only. */
function showSheetMode(draft: Draft, newName: HTMLElement, existing: HTMLElement, changed: () => void): void {
  newName.hidden = draft.sheetMode !== 'new';
  existing.hidden = draft.sheetMode !== 'existing';
  changed();
}

/** New or existing sheet; "existing" is disabled when the spreadsheet has no sheet to pick. */
function sheetModeGroup(draft: Draft, state: SidebarState, showMode: () => void): HTMLFieldSetElement {
  const mode = radioGroup<'new' | 'existing'>({
    legend: 'Sheet',
    options: SHEET_MODES,
    value: draft.sheetMode,
    onChange: (value) => {
      draft.sheetMode = value;
      showMode();
    },
  });
  if (state.sheetNames.length === 0) mode.inputs[1].disabled = true;
  return mode.fieldset;
}

const SHEET_MODES: Option<'new' | 'existing'>[] = [
  { value: 'new', label: 'A new sheet' },
  { value: 'existing', label: 'An existing sheet' },
];

const TRACKED_FIELDS: Record<ImportObject, string> = {
  requisitions: 'status, headcount, hiring manager…',
  opportunities: 'stage, archive',
};

/** The Track changes checkbox, with the fields that count as a change for the draft's object. */
function trackChangesField(draft: Draft): HTMLElement {
  const box = checkbox({
    label: 'Track changes',
    checked: draft.trackChanges,
    hint: `Records added, removed and changed fields (${TRACKED_FIELDS[draft.object]}) in a 'Lever changes' sheet at each refresh.`,
  });
  box.input.addEventListener('change', () => {
    draft.trackChanges = box.input.checked;
  });
  return box.wrap;
}

const CADENCES: Option<FullRefreshCadence>[] = [
  { value: 'daily', label: 'Once a day' },
  { value: 'weekly', label: 'Once a week' },
];

/** How often a scheduled refresh reads everything; what a changes-only refresh cannot see is said here. */
function fullRefreshField(draft: Draft): HTMLElement {
  const field = selectField({
    label: 'Full refresh',
    options: CADENCES,
    value: draft.fullRefresh,
    hint:
      'Refreshes read only the records changed since the last run, and read everything at this cadence or when ' +
      'you change the import. A record your key can no longer see and, if your key cannot list deletions, a ' +
      'deleted record show up at the next full refresh. If a full refresh finds changes Lever did not list, the ' +
      'import reads everything from then on (its card says why). "Run in full" does one now.',
  });
  field.select.addEventListener('change', () => {
    draft.fullRefresh = field.select.value as FullRefreshCadence;
  });
  return field.wrap;
}

/** Why every refresh of the import being edited reads everything (a drift check found changes Lever missed). */
function fullOnlyNote(draft: Draft, state: SidebarState): HTMLElement | null {
  const status = state.imports.find((item) => item.definition.id === draft.base?.id);
  return status?.fullOnly ? h('p', { className: 'warning full-only', role: 'note' }, status.fullOnly) : null;
}

/** The new sheet's name field and the existing sheet picker; each writes its choice into the draft. */
function sheetFields(draft: Draft, state: SidebarState, changed: () => void) {
  return { newName: newSheetField(draft, changed), existing: existingSheetField(draft, state, changed) };
}

function newSheetField(draft: Draft, changed: () => void): HTMLElement {
  const newName = textField({ label: 'New sheet name', value: draft.newSheetName });
  newName.input.dataset.role = 'new-sheet-name';
  newName.input.addEventListener('input', () => {
    draft.newSheetName = newName.input.value;
    changed();
  });
  return newName.wrap;
}

function existingSheetField(draft: Draft, state: SidebarState, changed: () => void): HTMLElement {
  const options = state.sheetNames.map((name) => ({ value: name, label: name }));
  const existing = selectField({ label: 'Existing sheet', options, value: draft.existingSheet });
  existing.select.addEventListener('change', () => {
    draft.existingSheet = existing.select.value;
    changed();
  });
  return existing.wrap;
}

/** Asks for confirmation before writing into a sheet the add-on did not create; empty otherwise. */
function foreignWarning(draft: Draft, state: SidebarState, area: HTMLElement): void {
  const sheet = targetSheetName(draft);
  if (!sheet || !isForeignSheet(sheet, state)) {
    replaceChildren(area);
    return;
  }
  const confirm = checkbox({ label: `Write into "${sheet}" anyway`, checked: draft.foreignSheetConfirmed });
  confirm.input.addEventListener('change', () => {
    draft.foreignSheetConfirmed = confirm.input.checked;
  });
  replaceChildren(area, h('div', { className: 'warning' }, h('p', null, foreignSentence(sheet)), confirm.wrap));
}

function foreignSentence(sheet: string): string {
  return `"${sheet}" already exists and was not created by this add-on. The import writes its columns over the sheet's first columns, starting at row 1.`;
}

type Vanished = 'remove' | 'flag';

const VANISHED_BY_ID: Option<Vanished>[] = [
  { value: 'remove', label: 'Remove their rows' },
  { value: 'flag', label: 'Keep their rows, marked as removed' },
];

const VANISHED_ON_REPLACE: Option<Vanished>[] = [
  { value: 'flag', label: 'Keep rows you wrote in (marked as removed), remove the others' },
  { value: 'remove', label: 'Remove their rows, with what you wrote in them' },
];

/** The write mode picker with its hint, and the vanished-records choice of the modes that have one. */
function writeModeFields(draft: Draft): HTMLElement {
  const modeHint = h('p', { className: 'hint' }, WRITE_MODE_HINTS[draft.writeMode]);
  const vanished = vanishedField(VANISHED_BY_ID, draft.vanished, (value) => {
    draft.vanished = value;
  });
  const replaceVanished = vanishedField(VANISHED_ON_REPLACE, draft.replaceVanished, (value) => {
    draft.replaceVanished = value;
  });
  const mode = selectField({ label: 'Write mode', options: WRITE_MODES, value: draft.writeMode });
  const sync = () => syncWriteMode(draft.writeMode, modeHint, vanished, replaceVanished);
  mode.select.addEventListener('change', () => {
    draft.writeMode = mode.select.value as WriteMode;
    sync();
  });
  sync();
  return h('div', null, mode.wrap, modeHint, vanished, replaceVanished);
}

function vanishedField(options: Option<Vanished>[], value: Vanished, set: (value: Vanished) => void): HTMLElement {
  const field = selectField<Vanished>({ label: 'Records no longer in Lever', options, value });
  field.select.addEventListener('change', () => set(field.select.value as Vanished));
  return field.wrap;
}

/** The hint of the chosen mode, and only the vanished-records choice that applies to it. */
function syncWriteMode(mode: WriteMode, hint: HTMLElement, vanished: HTMLElement, replaceVanished: HTMLElement): void {
  hint.textContent = WRITE_MODE_HINTS[mode];
  vanished.hidden = mode !== 'updateById';
  replaceVanished.hidden = mode !== 'replace';
}
