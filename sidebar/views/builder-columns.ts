// The builder's column picker: every column, the default set ticked, order changed with up and down buttons.
import type { ColumnInfo, KeyStatus } from '../../src/shared/types';
import { button, section } from '../controls';
import { h, replaceChildren, uid } from '../dom';
import { columnChoices, type Draft, moveColumn, selectedColumns } from './builder-model';

/** The columns section; it edits `draft.columns` in place and keeps keyboard focus on the moved column. */
export function columnsSection(draft: Draft, columns: readonly ColumnInfo[], key?: KeyStatus): HTMLElement {
  const list = h('ol', { className: 'columns', 'aria-label': 'Columns, in sheet order' });
  const count = h('p', { className: 'hint', 'aria-live': 'polite' });
  const draw: Redraw = (focus) => drawColumns(draft, { list, count }, draw, focus);
  const reset = button('Default columns', () => {
    draft.columns = columnChoices(columns);
    draw();
  });
  draw();
  return section(
    'Columns',
    'h2',
    h('p', { className: 'hint' }, 'Ticked columns are written in this order. The Lever ID column is always included.'),
    count,
    ...offersNote(draft, key),
    h('div', { className: 'columns-box' }, list),
    h('div', { className: 'actions' }, reset),
  );
}

/** Beside the offer columns: a key without Lever's offers permission leaves them empty (the import still runs). */
function offersNote(draft: Draft, key: KeyStatus | undefined): HTMLElement[] {
  if (draft.object !== 'opportunities' || key?.offersAccess !== false) return [];
  return [
    h(
      'p',
      { className: 'hint offers-note' },
      'Your Lever key cannot read offers, so the offer columns (Offer status, dates, salary) will stay empty. ' +
        'Give the key read access to Offers in Lever to fill them.',
    ),
  ];
}

type Focus = { index: number; direction: 'up' | 'down' };
type Redraw = (focus?: Focus) => void;

/** Rebuilds every row and the ticked count; after a move, focus follows the moved column. */
function drawColumns(draft: Draft, parts: { list: HTMLElement; count: HTMLElement }, redraw: Redraw, focus?: Focus) {
  replaceChildren(parts.list, ...draft.columns.map((_, index) => columnRow(draft, index, redraw)));
  parts.count.textContent = `${selectedColumns(draft.columns).length} of ${draft.columns.length} columns ticked.`;
  if (focus) focusMoveButton(parts.list, focus.index, focus.direction);
}

function columnRow(draft: Draft, index: number, redraw: Redraw): HTMLElement {
  const choice = draft.columns[index];
  const id = uid('column');
  const box = columnBox(draft, index, id, redraw);
  const note = choice.note ? [h('small', { className: 'hint column-note' }, choice.note)] : [];
  return h(
    'li',
    { className: choice.checked ? 'checked' : '' },
    h('span', { className: 'check' }, box, h('label', { for: id }, choice.label), ...note),
    h('span', { className: 'move' }, ...moveButtons(draft, index, redraw)),
  );
}

/** The column's checkbox; ticking redraws the list and puts focus back on the same box. */
function columnBox(draft: Draft, index: number, id: string, redraw: Redraw): HTMLInputElement {
  const choice = draft.columns[index];
  const box = h('input', { id, type: 'checkbox', checked: choice.checked, disabled: choice.locked });
  box.addEventListener('change', () => {
    draft.columns[index] = { ...choice, checked: box.checked };
    redraw();
    document.getElementById(id)?.focus();
  });
  return box;
}

/** Up and down, each disabled at its end of the list. */
function moveButtons(draft: Draft, index: number, redraw: Redraw): HTMLButtonElement[] {
  const label = draft.columns[index].label;
  const move = (delta: -1 | 1) => {
    draft.columns = moveColumn(draft.columns, index, delta);
    redraw({ index: index + delta, direction: delta < 0 ? 'up' : 'down' });
  };
  const up = button('↑', () => move(-1), { label: `Move ${label} up`, kind: 'icon' });
  const down = button('↓', () => move(1), { label: `Move ${label} down`, kind: 'icon' });
  up.disabled = index === 0;
  down.disabled = index === draft.columns.length - 1;
  return [up, down];
}

/** After a move the row is rebuilt; focus follows the column, or the other arrow once it reaches an end. */
function focusMoveButton(list: HTMLElement, index: number, direction: 'up' | 'down'): void {
  const row = list.children[index];
  if (!row) return;
  const [up, down] = Array.from(row.querySelectorAll<HTMLButtonElement>('.move button'));
  const preferred = direction === 'up' ? up : down;
  (preferred && !preferred.disabled ? preferred : direction === 'up' ? down : up)?.focus();
}
