// Opportunity columns from the posting lookup: team, department, location, commitment, salary range, requisitions (pure).
import type { LookupTables, PostingDetails } from '../lever/source';
import { type ColumnSpec, ID_SEPARATOR, type RawCell } from './column-values';
import { PAY_INTERVAL_LABELS } from './lever-labels';

function amount(value: number): string {
  return value.toLocaleString('en-US');
}

/** "USD 90,000 – 120,000 per year"; '' when the posting shows no salary. */
export function salaryRangeText(range: PostingDetails['salaryRange']): string {
  if (!range) return '';
  // Inside a sentence, so in lower case: "USD 90,000 – 120,000 per year".
  const interval = PAY_INTERVAL_LABELS[range.interval]?.toLowerCase() ?? range.interval;
  return `${range.currency} ${amount(range.min)} – ${amount(range.max)} ${interval}`.trim();
}

/** The values of every posting the opportunity applied to, each once, in order. */
function fromPostings(raw: RawCell, lookups: LookupTables, value: (posting: PostingDetails) => string): string {
  if (typeof raw !== 'string' || raw === '') return '';
  const values = raw.split(ID_SEPARATOR).map((id) => {
    const posting = lookups.postingDetails[id];
    return posting ? value(posting) : '';
  });
  return [...new Set(values.filter((item) => item !== ''))].join(', ');
}

type Extract = ColumnSpec['extract'];

function postingColumn(extract: Extract, key: string, label: string, value: (p: PostingDetails) => string): ColumnSpec {
  const render = (raw: RawCell, lookups: LookupTables) => fromPostings(raw, lookups, value);
  return { key, label, type: 'text', inDefault: false, extract, render, needs: ['postingDetails'] };
}

/** The posting columns, staged as the posting IDs with the same reader as the "Posting" column. */
export function postingColumns(postingIds: Extract): ColumnSpec[] {
  const postingColumnOf = (key: string, label: string, value: (p: PostingDetails) => string) =>
    postingColumn(postingIds, key, label, value);
  return [
    postingColumnOf('postingTeam', 'Posting team', (p) => p.team),
    postingColumnOf('postingDepartment', 'Posting department', (p) => p.department),
    postingColumnOf('postingLocation', 'Posting location (category)', (p) => p.location),
    postingColumnOf('postingCommitment', 'Posting commitment', (p) => p.commitment),
    postingColumnOf('postingSalaryRange', 'Posting salary range', (p) => salaryRangeText(p.salaryRange)),
    postingColumnOf('postingRequisitionCodes', 'Posting requisition codes', (p) => p.requisitionCodes.join(', ')),
  ];
}

export const POSTING_COLUMN_KEYS = [
  'postingTeam',
  'postingDepartment',
  'postingLocation',
  'postingCommitment',
  'postingSalaryRange',
  'postingRequisitionCodes',
];
