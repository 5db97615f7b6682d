// The import builder's draft: built from defaults or a saved import, checked, and turned into the server's input (pure).
import type {
  ColumnInfo,
  FullRefreshCadence,
  ImportDefinition,
  ImportDefinitionInput,
  ImportFilters,
  ImportObject,
  LeverEnvironment,
  RequisitionStatus,
  SidebarState,
  WriteMode,
} from '../../src/shared/types';

/** The Lever ID column: always written (updateById matches on it), so it cannot be unticked. */
export const ID_COLUMN = 'id';

export const REQUISITION_STATUSES: readonly RequisitionStatus[] = ['open', 'onHold', 'closed', 'draft'];

export interface ColumnChoice {
  key: string;
  label: string;
  checked: boolean;
  locked: boolean;
  /** What the column costs in requests, shown beside it (ColumnInfo.note). */
  note?: string;
}

export interface Draft {
  name: string;
  object: ImportObject;
  filters: ImportFilters;
  columns: ColumnChoice[];
  sheetMode: 'new' | 'existing';
  newSheetName: string;
  existingSheet: string;
  writeMode: WriteMode;
  /** Update by ID: rows of records no longer in Lever are removed, or kept and marked. */
  vanished: 'remove' | 'flag';
  /**
   * Replace: 'flag' (the default) keeps, marked, the rows of vanished records the user wrote in (columns right of
   * the import) and removes the others; 'remove' removes them all, the user's cells with them.
   */
  replaceVanished: 'remove' | 'flag';
  /** Record added, removed and changed records in the "Lever changes" sheet at each refresh. */
  trackChanges: boolean;
  /** Opportunities: how often a scheduled refresh reads everything instead of only what changed. */
  fullRefresh: FullRefreshCadence;
  /** The user agreed to write into a sheet the add-on did not create. */
  foreignSheetConfirmed: boolean;
  /** The saved import being edited, if any: its id, schedule and options the builder does not show are kept. */
  base?: ImportDefinition;
  /** The Lever account of the import this draft was an edit of, deleted meanwhile: a new import keeps it. */
  formerEnvironment?: LeverEnvironment;
}

export const OBJECT_NAMES: Record<ImportObject, string> = {
  opportunities: 'Opportunities',
  requisitions: 'Requisitions',
};

export function defaultFilters(): ImportFilters {
  return { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' };
}

/** Every column, ticked ones first in their chosen order (or the default set), the rest after in the server's order. */
export function columnChoices(columns: readonly ColumnInfo[], selected?: readonly string[]): ColumnChoice[] {
  const chosen = selected ?? columns.filter((column) => column.inDefault).map((column) => column.key);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const picked = chosen.filter((key) => byKey.has(key));
  const rest = columns.filter((column) => !picked.includes(column.key));
  const choice = (column: ColumnInfo, checked: boolean): ColumnChoice => ({
    key: column.key,
    label: column.label,
    checked: checked || column.key === ID_COLUMN,
    locked: column.key === ID_COLUMN,
    ...(column.note ? { note: column.note } : {}),
  });
  return [...picked.map((key) => choice(byKey.get(key)!, true)), ...rest.map((column) => choice(column, false))];
}

/** A copy of `choices` with the item at `index` moved by `delta` places (no-op at either end). */
export function moveColumn(choices: readonly ColumnChoice[], index: number, delta: -1 | 1): ColumnChoice[] {
  const target = index + delta;
  const copy = [...choices];
  if (index < 0 || index >= copy.length || target < 0 || target >= copy.length) return copy;
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

export function selectedColumns(choices: readonly ColumnChoice[]): string[] {
  return choices.filter((choice) => choice.checked).map((choice) => choice.key);
}

export function newDraft(state: SidebarState, object: ImportObject, columns: readonly ColumnInfo[]): Draft {
  const name = uniqueName(OBJECT_NAMES[object], state);
  return {
    name,
    object,
    filters: defaultFilters(),
    columns: columnChoices(columns),
    sheetMode: 'new',
    newSheetName: name,
    existingSheet: state.sheetNames[0] ?? '',
    writeMode: 'replace',
    vanished: 'remove',
    replaceVanished: 'flag',
    trackChanges: false,
    fullRefresh: 'daily',
    foreignSheetConfirmed: false,
  };
}

export function draftFromDefinition(def: ImportDefinition, state: SidebarState, columns: readonly ColumnInfo[]): Draft {
  const exists = state.sheetNames.includes(def.sheetName);
  return {
    name: def.name,
    object: def.object,
    filters: { ...defaultFilters(), ...def.filters },
    columns: columnChoices(columns, def.columns),
    sheetMode: exists ? 'existing' : 'new',
    newSheetName: def.sheetName,
    existingSheet: exists ? def.sheetName : (state.sheetNames[0] ?? ''),
    writeMode: def.writeMode,
    vanished: def.writeMode === 'updateById' ? (def.vanished ?? 'remove') : 'remove',
    replaceVanished: def.writeMode === 'replace' ? (def.vanished ?? 'flag') : 'flag',
    trackChanges: def.trackChanges === true,
    fullRefresh: def.fullRefresh ?? 'daily',
    foreignSheetConfirmed: false,
    base: def,
  };
}

/** "Opportunities", then "Opportunities 2", … so two new imports do not share a name and a sheet. */
function uniqueName(base: string, state: SidebarState): string {
  const taken = new Set([...state.imports.map((status) => status.definition.name), ...state.sheetNames]);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

export function targetSheetName(draft: Draft): string {
  return (draft.sheetMode === 'new' ? draft.newSheetName : draft.existingSheet).trim();
}

/** True when the sheet exists and no saved import writes to it: the add-on did not create it. */
export function isForeignSheet(sheetName: string, state: SidebarState): boolean {
  return (
    state.sheetNames.includes(sheetName) && !state.imports.some((status) => status.definition.sheetName === sheetName)
  );
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The first thing to fix before saving or previewing, as a sentence; null when the draft is complete. */
export function validateDraft(draft: Draft, state: SidebarState): string | null {
  if (!draft.name.trim()) return 'Give the import a name.';
  const problem = filterProblem(draft);
  if (problem) return problem;
  if (selectedColumns(draft.columns).length === 0) return 'Tick at least one column.';
  return targetProblem(draft, state);
}

function filterProblem(draft: Draft): string | null {
  const { createdAfter, createdBefore, requisitionStatus } = draft.filters;
  if (createdAfter && !DATE_PATTERN.test(createdAfter)) return 'Enter the "created on or after" date as a full date.';
  if (createdBefore && !DATE_PATTERN.test(createdBefore))
    return 'Enter the "created on or before" date as a full date.';
  if (createdAfter && createdBefore && createdAfter > createdBefore) {
    return 'The "created on or after" date is later than the "created on or before" date.';
  }
  const { hiredAfter, hiredBefore } = draft.filters;
  if (hiredAfter && hiredBefore && hiredAfter > hiredBefore) {
    return 'The "hired on or after" date is later than the "hired on or before" date.';
  }
  if (draft.object === 'requisitions' && requisitionStatus?.length === 0)
    return 'Tick at least one requisition status.';
  return null;
}

/** A sheet name, and the go-ahead to write into a sheet the add-on did not create. */
function targetProblem(draft: Draft, state: SidebarState): string | null {
  const sheet = targetSheetName(draft);
  if (!sheet) return 'Name the sheet to write to.';
  if (isForeignSheet(sheet, state) && !draft.foreignSheetConfirmed) {
    return `Confirm that the import may write into "${sheet}", a sheet the add-on did not create.`;
  }
  return null;
}

function cleanFilters(draft: Draft): ImportFilters {
  const filters: ImportFilters = { ...draft.filters };
  if (!filters.createdAfter) delete filters.createdAfter;
  if (!filters.createdBefore) delete filters.createdBefore;
  if (!filters.hiresOnly || draft.object !== 'opportunities') delete filters.hiresOnly;
  if (!filters.hiredAfter || draft.object !== 'opportunities') delete filters.hiredAfter;
  if (!filters.hiredBefore || draft.object !== 'opportunities') delete filters.hiredBefore;
  const statuses = filters.requisitionStatus;
  // Every status ticked is the same as no status filter, and Lever is asked the simpler question.
  if (draft.object !== 'requisitions' || !statuses || statuses.length === REQUISITION_STATUSES.length) {
    delete filters.requisitionStatus;
  }
  return filters;
}

/** The server's input for saving or previewing this draft. */
export function toInput(draft: Draft, environment: LeverEnvironment): ImportDefinitionInput {
  const input: ImportDefinitionInput = {
    name: draft.name.trim(),
    object: draft.object,
    environment,
    filters: cleanFilters(draft),
    columns: selectedColumns(draft.columns),
    sheetName: targetSheetName(draft),
    writeMode: draft.writeMode,
    trackChanges: draft.trackChanges,
  };
  if (draft.object === 'opportunities') input.fullRefresh = draft.fullRefresh;
  return { ...input, ...vanishedInput(draft), ...baseInput(draft.base) };
}

/** What happens to vanished records, for the modes that ask. */
function vanishedInput(draft: Draft): Pick<ImportDefinitionInput, 'vanished'> {
  if (draft.writeMode === 'updateById') return { vanished: draft.vanished };
  if (draft.writeMode === 'replace') return { vanished: draft.replaceVanished };
  return {};
}

/** An edited import keeps its id and its schedule. */
function baseInput(base: ImportDefinition | undefined): Pick<ImportDefinitionInput, 'id' | 'schedule'> {
  if (!base) return {};
  return base.schedule ? { id: base.id, schedule: base.schedule } : { id: base.id };
}
