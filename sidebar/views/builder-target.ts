// The builder's target: a new or existing sheet (with a warning for sheets the add-on did not create) and write mode.
import type { ImportObject, SidebarState, WriteMode } from '../../src/shared/types';
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
  const showMode = () => {
    newName.hidden = draft.sheetMode !== 'new';
    existing.hidden = draft.sheetMode !== 'existing';
    sheetChanged();
  };
  const mode = radioGroup<'new' | 'existing'>({
    legend: 'Sheet',
    options: [
      { value: 'new', label: 'A new sheet' },
      { value: 'existing', label: 'An existing sheet' },
    ],
    value: draft.sheetMode,
    onChange: (value) => {
      draft.sheetMode = value;
      showMode();
    },
  });
  if (state.sheetNames.length === 0) mode.inputs[1].disabled = true;
  showMode();
  return section(
    'Where to write',
    'h2',
    mode.fieldset,
    newName,
    existing,
    warning,
    writeModeFields(draft),
    trackChangesField(draft),
  );
}

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

/** The new sheet's name field and the existing sheet picker; each writes its choice into the draft. */
function sheetFields(draft: Draft, state: SidebarState, changed: () => void) {
  const newName = textField({ label: 'New sheet name', value: draft.newSheetName });
  newName.input.dataset.role = 'new-sheet-name';
  newName.input.addEventListener('input', () => {
    draft.newSheetName = newName.input.value;
    changed();
  });
  const existing = selectField({
    label: 'Existing sheet',
    options: state.sheetNames.map((name) => ({ value: name, label: name })),
    value: draft.existingSheet,
  });
  existing.select.addEventListener('change', () => {
    draft.existingSheet = existing.select.value;
    changed();
  });
  return { newName: newName.wrap, existing: existing.wrap };
}

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
  replaceChildren(
    area,
    h(
      'div',
      { className: 'warning' },
      h(
        'p',
        null,
        `"${sheet}" already exists and was not created by this add-on. The import writes its columns over the sheet's first columns, starting at row 1.`,
      ),
      confirm.wrap,
    ),
  );
}

function writeModeFields(draft: Draft): HTMLElement {
  const modeHint = h('p', { className: 'hint' }, WRITE_MODE_HINTS[draft.writeMode]);
  const vanished = selectField<'remove' | 'flag'>({
    label: 'Records no longer in Lever',
    options: [
      { value: 'remove', label: 'Remove their rows' },
      { value: 'flag', label: 'Keep their rows, marked as removed' },
    ],
    value: draft.vanished,
  });
  vanished.select.addEventListener('change', () => {
    draft.vanished = vanished.select.value as 'remove' | 'flag';
  });
  const replaceVanished = selectField<'remove' | 'flag'>({
    label: 'Records no longer in Lever',
    options: [
      { value: 'flag', label: 'Keep rows you wrote in (marked as removed), remove the others' },
      { value: 'remove', label: 'Remove their rows, with what you wrote in them' },
    ],
    value: draft.replaceVanished,
  });
  replaceVanished.select.addEventListener('change', () => {
    draft.replaceVanished = replaceVanished.select.value as 'remove' | 'flag';
  });
  const mode = selectField({ label: 'Write mode', options: WRITE_MODES, value: draft.writeMode });
  const sync = () => {
    modeHint.textContent = WRITE_MODE_HINTS[draft.writeMode];
    vanished.wrap.hidden = draft.writeMode !== 'updateById';
    replaceVanished.wrap.hidden = draft.writeMode !== 'replace';
  };
  mode.select.addEventListener('change', () => {
    draft.writeMode = mode.select.value as WriteMode;
    sync();
  });
  sync();
  return h('div', null, mode.wrap, modeHint, vanished.wrap, replaceVanished.wrap);
}
