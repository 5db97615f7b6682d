// The one-line summary of a refresh's changes for the sidebar and run record ("3 new, 1 closed, …") (pure).
import type { ImportObject } from '../shared/types';
import type { Change } from './diff';

/** A count in the summary: "3 new" (count first) or "headcount changed on 2" (count last). */
interface Category {
  id: string;
  words: string;
  countFirst: boolean;
}

const cat = (id: string, words: string, countFirst: boolean): Category => ({ id, words, countFirst });

const REQUISITION_CATEGORIES: readonly Category[] = [
  cat('new', 'new', true),
  cat('closed', 'closed', true),
  cat('reopened', 'reopened', true),
  cat('status', 'status changed on', false),
  cat('headcount', 'headcount changed on', false),
  cat('hiringManager', 'hiring manager changed on', false),
  cat('owner', 'owner changed on', false),
  cat('compensation', 'compensation changed on', false),
  cat('details', 'details changed on', false),
  cat('removed', 'removed', true),
];

const OPPORTUNITY_CATEGORIES: readonly Category[] = [
  cat('new', 'new', true),
  cat('stage', 'moved stage', true),
  cat('archived', 'archived', true),
  cat('restored', 'unarchived', true),
  cat('archiveReason', 'archive reason changed on', false),
  cat('removed', 'removed', true),
];

function requisitionCategory(change: Change): string {
  switch (change.field) {
    case 'status':
      if (change.newValue === 'closed') return 'closed';
      return change.oldValue === 'closed' ? 'reopened' : 'status';
    case 'headcountTotal':
    case 'headcountHired':
      return 'headcount';
    case 'hiringManager':
    case 'owner':
    case 'compensation':
      return change.field;
    default:
      return 'details';
  }
}

function opportunityCategory(change: Change): string {
  if (change.field === 'stage') return 'stage';
  if (change.field === 'archived') return change.newValue === 'yes' ? 'archived' : 'restored';
  return 'archiveReason';
}

function categoryOf(object: ImportObject, change: Change): string {
  if (change.kind === 'added') return 'new';
  if (change.kind === 'removed') return 'removed';
  return object === 'opportunities' ? opportunityCategory(change) : requisitionCategory(change);
}

/** Records per category: a record counts once in each category its changes fall in. */
function countRecords(object: ImportObject, changes: readonly Change[]): Map<string, number> {
  // Archiving sets a reason and unarchiving clears it: that is one event, not two.
  const archivedToggled = new Set(changes.filter((change) => change.field === 'archived').map((change) => change.id));
  const seen = new Map<string, Set<string>>();
  for (const change of changes) {
    const id = categoryOf(object, change);
    if (id === 'archiveReason' && archivedToggled.has(change.id)) continue;
    const records = seen.get(id) ?? new Set<string>();
    records.add(change.id);
    seen.set(id, records);
  }
  return new Map([...seen].map(([id, records]) => [id, records.size]));
}

/** "3 new, 1 closed, headcount changed on 2", or a sentence saying nothing changed. */
export function summariseChanges(object: ImportObject, changes: readonly Change[]): string {
  const counts = countRecords(object, changes);
  const categories = object === 'opportunities' ? OPPORTUNITY_CATEGORIES : REQUISITION_CATEGORIES;
  const parts = categories
    .filter((category) => (counts.get(category.id) ?? 0) > 0)
    .map((category) => {
      const count = counts.get(category.id) ?? 0;
      return category.countFirst ? `${count} ${category.words}` : `${category.words} ${count}`;
    });
  return parts.length > 0 ? parts.join(', ') : 'No changes since the last refresh.';
}

const NOUNS: Record<ImportObject, readonly [string, string]> = {
  requisitions: ['requisition', 'requisitions'],
  opportunities: ['opportunity', 'opportunities'],
};

/** "1 requisition", "120 requisitions". */
export function recordCount(object: ImportObject, count: number): string {
  return `${count} ${NOUNS[object][count === 1 ? 0 : 1]}`;
}

/** The first refresh with tracking on (or after the import's filters changed) records a starting point only. */
export function baselineSummary(object: ImportObject, count: number, restarted: boolean): string {
  const start = restarted
    ? `The import's filters changed, so change tracking started again from ${recordCount(object, count)}`
    : `Change tracking started with ${recordCount(object, count)}`;
  return `${start}; changes will show from the next refresh.`;
}
