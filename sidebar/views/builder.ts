// Import builder: object, filters, columns, target sheet and write mode; preview, save, or save and run.

import { IMPORT_DELETED_SENTENCE } from '../../src/shared/rpc';
import type { ColumnInfo, ImportDefinition, ImportObject, PreviewResult } from '../../src/shared/types';
import type { App, RenderedView, Route } from '../app';
import { button, environmentBadge, type Option, radioGroup, section, textField } from '../controls';
import { h, replaceChildren, withBusyButton } from '../dom';
import { ENVIRONMENT_BADGES } from '../format';
import { errorMessage } from '../server';
import { columnsSection } from './builder-columns';
import { filtersSection } from './builder-filters';
import { type Draft, draftFromDefinition, newDraft, OBJECT_NAMES, toInput, validateDraft } from './builder-model';
import { targetSection } from './builder-target';
import { previewSection } from './preview';

interface BuilderContext {
  app: App;
  draft: Draft;
  columnsByObject: Map<ImportObject, ColumnInfo[]>;
  body: HTMLElement;
  preview: HTMLElement;
  /** The "Where to write" section on show, redrawn when the sidebar state it was drawn from changes. */
  target?: HTMLElement;
}

export function renderBuilder(app: App, route: Route): RenderedView {
  const importId = route.name === 'builder' ? route.importId : undefined;
  const editing = app.state.imports.find((status) => status.definition.id === importId)?.definition;
  const body = h('div', { 'aria-busy': 'true' }, h('p', null, 'Loading columns…'));
  const el = h('div', { className: 'view' }, h('h1', null, editing ? `Edit "${editing.name}"` : 'New import'), body);
  void loadForm(app, editing, body);
  return { el };
}

/** The form once the object's columns have come: the definition being edited, or a new draft. */
async function loadForm(app: App, editing: ImportDefinition | undefined, body: HTMLElement): Promise<void> {
  const object = editing?.object ?? 'opportunities';
  try {
    const columns = await app.server.listColumns(object);
    const draft = editing ? draftFromDefinition(editing, app.state, columns) : newDraft(app.state, object, columns);
    drawForm({ app, draft, columnsByObject: new Map([[object, columns]]), body, preview: h('div') });
  } catch (error) {
    replaceChildren(body, h('p', null, 'The columns could not be loaded.'), backButton(app));
    app.notices.error(errorMessage(error));
  }
}

function backButton(app: App): HTMLButtonElement {
  return button('Back to imports', () => app.go({ name: 'imports' }));
}

function drawForm(ctx: BuilderContext): void {
  const { app, draft } = ctx;
  const columns = ctx.columnsByObject.get(draft.object) ?? [];
  ctx.target = targetSection(draft, app.state);
  replaceChildren(
    ctx.body,
    whatSection(ctx),
    filtersSection(draft, app.state.key, app.state.spreadsheetTimeZone),
    columnsSection(draft, columns, app.state.key),
    ctx.target,
    formActions(ctx),
    ctx.preview,
  );
  ctx.body.removeAttribute('aria-busy');
}

/** Name, account and object, with the warnings that go with them. */
function whatSection(ctx: BuilderContext): HTMLElement {
  const name = textField({ label: 'Import name', value: ctx.draft.name });
  name.input.addEventListener('input', () => followName(ctx, name.input.value));
  const parts = [name.wrap, accountLine(ctx), environmentWarning(ctx), objectChoice(ctx), permissionWarning(ctx)];
  return section('What to import', 'h2', ...parts);
}

/** A new sheet named after the import keeps following the name until the user names the sheet themselves. */
function followName(ctx: BuilderContext, name: string): void {
  const { draft } = ctx;
  const following = !draft.base && draft.newSheetName === draft.name;
  draft.name = name;
  if (!following) return;
  draft.newSheetName = name;
  const field = ctx.body.querySelector<HTMLInputElement>('input[data-role="new-sheet-name"]');
  if (!field) return;
  field.value = name;
  // As if typed: the target section re-checks whether that sheet exists and was made by someone else.
  field.dispatchEvent(new Event('input'));
}

const OBJECTS: Option<ImportObject>[] = [
  { value: 'opportunities', label: 'Opportunities (candidates in the pipeline)' },
  { value: 'requisitions', label: 'Requisitions (approved headcount)' },
];

function objectChoice(ctx: BuilderContext): HTMLElement {
  const onChange = (object: ImportObject) => void switchObject(ctx, object);
  return radioGroup({ legend: 'Lever records', options: OBJECTS, value: ctx.draft.object, onChange }).fieldset;
}

/** A new object means other filters and columns; an untouched default name follows the object. */
async function switchObject(ctx: BuilderContext, object: ImportObject): Promise<void> {
  try {
    const columns = await columnsOf(ctx, object);
    const fresh = newDraft(ctx.app.state, object, columns);
    followObjectName(ctx, fresh.name);
    Object.assign(ctx.draft, { object, filters: fresh.filters, columns: fresh.columns });
    replaceChildren(ctx.preview);
    drawForm(ctx);
    ctx.body.querySelector<HTMLInputElement>(`input[type="radio"][value="${object}"]`)?.focus();
  } catch (error) {
    ctx.app.notices.error(errorMessage(error));
  }
}

/** The object's columns, asked of the server once per object. */
async function columnsOf(ctx: BuilderContext, object: ImportObject): Promise<ColumnInfo[]> {
  const known = ctx.columnsByObject.get(object);
  if (known) return known;
  const columns = await ctx.app.server.listColumns(object);
  ctx.columnsByObject.set(object, columns);
  return columns;
}

/** A new import still named by default (and its sheet, if it follows) takes the new object's default name. */
function followObjectName(ctx: BuilderContext, freshName: string): void {
  const { draft } = ctx;
  const previousDefault = newDraft(ctx.app.state, draft.object, []).name;
  if (draft.base || draft.name !== previousDefault) return;
  if (draft.newSheetName === draft.name) draft.newSheetName = freshName;
  draft.name = freshName;
}

/** Which Lever account the import reads, as a badge: sandbox and production data must never be mistaken. */
function accountLine(ctx: BuilderContext): HTMLElement {
  return h('p', { className: 'account' }, 'Reads from Lever ', environmentBadge(environment(ctx)));
}

/** Saving with a key for another account moves the import to that account: say so before it happens. */
function environmentWarning(ctx: BuilderContext): HTMLElement | null {
  const saved = ctx.draft.base?.environment;
  const key = ctx.app.state.key.environment;
  if (!saved || !key || saved === key) return null;
  return h(
    'p',
    { className: 'warning' },
    `This import was made for Lever ${ENVIRONMENT_BADGES[saved]}. Your key is for ${ENVIRONMENT_BADGES[key]}, so once saved it reads from ${ENVIRONMENT_BADGES[key]}.`,
  );
}

function permissionWarning(ctx: BuilderContext): HTMLElement | null {
  if (ctx.app.state.key.permissions?.[ctx.draft.object] !== false) return null;
  const object = OBJECT_NAMES[ctx.draft.object];
  return h(
    'p',
    { className: 'warning' },
    `Your Lever key cannot read ${object.toLowerCase()}. Replace it with a key that has Read access to ${object}.`,
  );
}

function formActions(ctx: BuilderContext): HTMLElement {
  const saveAndRun = button('Save and run', () => void save(ctx, saveAndRun, true), { kind: 'action' });
  const save_ = button('Save', () => void save(ctx, save_, false));
  const preview = button('Preview', () => void runPreview(ctx, preview));
  const cancel = button('Cancel', () => ctx.app.go({ name: 'imports' }), { kind: 'link' });
  return h('div', { className: 'actions' }, saveAndRun, save_, preview, cancel);
}

function environment(ctx: BuilderContext) {
  const { draft } = ctx;
  return ctx.app.state.key.environment ?? draft.base?.environment ?? draft.formerEnvironment ?? 'production';
}

async function runPreview(ctx: BuilderContext, trigger: HTMLButtonElement): Promise<void> {
  // A preview writes nothing, so it does not need the go-ahead for a foreign sheet.
  const problem = validateDraft({ ...ctx.draft, foreignSheetConfirmed: true }, ctx.app.state);
  if (problem) return ctx.app.notices.error(problem);
  try {
    const input = toInput(ctx.draft, environment(ctx));
    showPreview(ctx, await withBusyButton(trigger, 'Counting…', () => ctx.app.server.previewImport(input)));
  } catch (error) {
    ctx.app.notices.error(errorMessage(error));
  }
}

function showPreview(ctx: BuilderContext, result: PreviewResult): void {
  const box = previewSection(result);
  replaceChildren(ctx.preview, box);
  box.scrollIntoView({ block: 'nearest' });
  ctx.app.notices.info(`Preview ready. ${box.querySelector('.count')?.textContent ?? ''}`);
}

async function save(ctx: BuilderContext, trigger: HTMLButtonElement, andRun: boolean): Promise<void> {
  const { app } = ctx;
  const problem = validateDraft(ctx.draft, app.state);
  if (problem) return app.notices.error(problem);
  try {
    const input = toInput(ctx.draft, environment(ctx));
    const saved = await withBusyButton(trigger, 'Saving…', () => app.server.saveImport(input));
    await app.reload();
    afterSave(app, saved, andRun);
  } catch (error) {
    const message = errorMessage(error);
    app.notices.error(message);
    if (message === IMPORT_DELETED_SENTENCE) await keepAsNew(ctx);
  }
}

/**
 * An edit of an import deleted meanwhile (by another editor) is refused, and the server's sentence says to save it as
 * a new import: the form stays as it is, now for a new import (of the same Lever account), so the next Save does that.
 */
async function keepAsNew(ctx: BuilderContext): Promise<void> {
  const { draft } = ctx;
  const base = draft.base;
  if (!base) return;
  try {
    const state = await ctx.app.reload();
    if (state.imports.some((status) => status.definition.id === base.id)) return;
    draft.base = undefined;
    draft.formerEnvironment = base.environment;
    const heading = ctx.body.parentElement?.querySelector('h1');
    if (heading) heading.textContent = 'New import';
    redrawTarget(ctx);
  } catch {
    // The sidebar could not be reloaded: the refusal already shown stands, and the form stays an edit.
  }
}

/** The deleted import's sheet usually stays, now no import's: the target section asks again before writing into it. */
function redrawTarget(ctx: BuilderContext): void {
  const fresh = targetSection(ctx.draft, ctx.app.state);
  ctx.target?.replaceWith(fresh);
  ctx.target = fresh;
}

/** Saved: on to the run, or back to the list with a word that it worked. */
function afterSave(app: App, saved: ImportDefinition, andRun: boolean): void {
  if (andRun) {
    app.startRun(saved.id);
    app.go({ name: 'run', importId: saved.id });
  } else {
    app.go({ name: 'imports' }, `Saved "${saved.name}".`);
  }
}
