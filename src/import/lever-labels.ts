// Lever's coded values as Lever's own UI shows them ("On hold", not onHold), for the columns that display them (pure).
import type { RawCell } from './column-values';

export const REQUISITION_STATUS_LABELS: Readonly<Record<string, string>> = {
  open: 'Open',
  onHold: 'On hold',
  closed: 'Closed',
  draft: 'Draft',
};

export const EMPLOYMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  'full-time': 'Full-time',
  'part-time': 'Part-time',
  intern: 'Intern',
  contractor: 'Contractor',
  'temp-worker': 'Temp worker',
};

export const ORIGIN_LABELS: Readonly<Record<string, string>> = {
  applied: 'Applied',
  sourced: 'Sourced',
  referred: 'Referred',
  university: 'University',
  agency: 'Agency',
  internal: 'Internal',
};

/**
 * A render that shows a code by its label; a code Lever adds later is shown as sent rather than hidden. Only the
 * cell changes: the staged value (and so change tracking) keeps Lever's code.
 */
/** Lever's offer statuses as its UI shows them. */
export const OFFER_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'Draft',
  'approval-sent': 'Approval sent',
  approved: 'Approved',
  sent: 'Sent',
  'sent-manually': 'Sent manually',
  opened: 'Opened',
  denied: 'Denied',
  signed: 'Signed',
};

export function shownAs(labels: Readonly<Record<string, string>>): (raw: RawCell) => unknown {
  const byCode = new Map(Object.entries(labels));
  return (raw) => (typeof raw === 'string' ? (byCode.get(raw) ?? raw) : raw);
}
