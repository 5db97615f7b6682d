// Preview of an import before anything is written: the number of matching records and the first rows.
import type { PreviewResult } from '../../src/shared/types';
import { h, uid } from '../dom';
import { formatCount, plural } from '../format';

/** "1,234 records match.", or "At least 100 records match; …" when the server only counted a first page. */
export function describeCount(preview: PreviewResult): string {
  if (preview.exact) return `${plural(preview.count, 'record')} ${preview.count === 1 ? 'matches' : 'match'}.`;
  return `At least ${formatCount(preview.count)} records match; the import counts them all when it runs.`;
}

/** The preview section: a sentence with the count, then the first rows in a scrollable table. */
export function previewSection(preview: PreviewResult): HTMLElement {
  const headingId = uid('preview');
  const rows = preview.rows.length;
  return h(
    'section',
    { className: 'preview-box', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Preview'),
    h('p', { className: 'count' }, describeCount(preview)),
    rows > 0 ? h('p', { className: 'hint' }, `The first ${plural(rows, 'row')}:`) : null,
    rows === 0
      ? h('p', null, 'Nothing matches these filters, so the sheet would be left empty.')
      : previewTable(preview),
    h('p', { className: 'hint' }, 'Nothing has been written yet.'),
  );
}

/** The first rows, scrollable and reachable by keyboard. */
function previewTable(preview: PreviewResult): HTMLElement {
  const head = h('tr', null, ...preview.headers.map((header) => h('th', { scope: 'col' }, header)));
  const rows = preview.rows.map((row) => h('tr', null, ...row.map((cell) => h('td', null, cell))));
  const table = h('table', { className: 'preview' }, h('thead', null, head), h('tbody', null, ...rows));
  const region = { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'First rows of the preview' };
  return h('div', region, table);
}
