// The opportunity columns: what a planner can pick, in catalogue order, with the default set marked (pure).
import type { LeverRecord } from '../lever/source';
import {
  type ColumnSpec,
  column,
  epochMs,
  field,
  flag,
  ID_SEPARATOR,
  idList,
  idOf,
  joined,
  leverAppHost,
  text,
} from './column-values';
import { HIRE_COLUMNS } from './columns-hires';
import { OFFER_COLUMNS } from './columns-offers';
import { postingColumns } from './columns-postings';
import { CONFIDENTIALITY_LABELS, ORIGIN_LABELS, shownAs } from './lever-labels';

/** Posting IDs of an opportunity, from expanded applications (`{posting}`); bare application IDs carry none. */
function postingIds(record: LeverRecord): string {
  const applications = Array.isArray(record.applications) ? record.applications : [];
  const ids = applications.map((application) => idOf(field(application, 'posting')));
  return [...new Set(ids.filter((id) => id !== ''))].join(ID_SEPARATOR);
}

function opportunityLink(record: LeverRecord, environment: string): string {
  const show = text(field(record, 'urls', 'show'));
  return show || `${leverAppHost(environment)}/candidates/${record.id}`;
}

export const OPPORTUNITY_COLUMNS: readonly ColumnSpec[] = [
  column('id', 'Lever ID', 'text', true, (r) => r.id),
  column('name', 'Name', 'text', true, (r) => text(r.name)),
  column('headline', 'Headline', 'text', false, (r) => text(r.headline)),
  column('stage', 'Stage', 'text', true, (r) => idOf(r.stage), 'stages'),
  column('posting', 'Posting', 'text', true, postingIds, 'postings'),
  column('owner', 'Owner', 'text', true, (r) => idOf(r.owner), 'users'),
  { ...column('origin', 'Origin', 'text', true, (r) => text(r.origin)), render: shownAs(ORIGIN_LABELS) },
  column('sources', 'Sources', 'text', true, (r) => joined(r.sources)),
  column('tags', 'Tags', 'text', false, (r) => joined(r.tags)),
  column('location', 'Location', 'text', true, (r) => text(r.location)),
  column('opportunityLocation', 'Posting location', 'text', false, (r) => text(r.opportunityLocation)),
  column('emails', 'Emails', 'text', false, (r) => joined(r.emails)),
  column('phones', 'Phones', 'text', false, (r) => joined(r.phones)),
  column('links', 'Links', 'text', false, (r) => joined(r.links)),
  column('followers', 'Followers', 'text', false, (r) => idList(r.followers), 'users'),
  column('sourcedBy', 'Sourced by', 'text', false, (r) => idOf(r.sourcedBy), 'users'),
  {
    ...column('confidentiality', 'Confidentiality', 'text', false, (r) => text(r.confidentiality)),
    render: shownAs(CONFIDENTIALITY_LABELS),
  },
  column('archived', 'Archived', 'boolean', true, (r) => r.archived !== null && typeof r.archived === 'object'),
  column(
    'archiveReason',
    'Archive reason',
    'text',
    true,
    (r) => idOf(field(r, 'archived', 'reason')),
    'archiveReasons',
  ),
  column('archivedAt', 'Archived at', 'date', false, (r) => epochMs(field(r, 'archived', 'archivedAt'))),
  ...HIRE_COLUMNS,
  ...OFFER_COLUMNS,
  ...postingColumns(postingIds),
  column('snoozedUntil', 'Snoozed until', 'date', false, (r) => epochMs(r.snoozedUntil)),
  column('createdAt', 'Created', 'date', true, (r) => epochMs(r.createdAt)),
  column('updatedAt', 'Updated', 'date', false, (r) => epochMs(r.updatedAt)),
  column('lastInteractionAt', 'Last interaction', 'date', false, (r) => epochMs(r.lastInteractionAt)),
  column('lastAdvancedAt', 'In current stage since', 'date', true, (r) => epochMs(r.lastAdvancedAt)),
  column('contact', 'Contact ID', 'text', false, (r) => idOf(r.contact)),
  column('isAnonymized', 'Anonymized', 'boolean', false, (r) => flag(r.isAnonymized)),
  column('link', 'Link to Lever', 'link', true, (r, context) => opportunityLink(r, context.environment)),
];
