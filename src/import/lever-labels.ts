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

/** Record confidentiality (opportunities, requisitions): Lever's UI marks the confidential ones "Confidential". */
export const CONFIDENTIALITY_LABELS: Readonly<Record<string, string>> = {
  confidential: 'Confidential',
  'non-confidential': 'Not confidential',
};

/**
 * Pay intervals of compensation bands, posting salary ranges and offers. Lever's codes name the interval and the
 * pay kind (`per-year-salary`, `per-hour-wage`); its forms show the interval alone, as here.
 */
export const PAY_INTERVAL_LABELS: Readonly<Record<string, string>> = {
  'per-year-salary': 'Per year',
  'per-month-salary': 'Per month',
  'per-week-salary': 'Per week',
  'per-day-wage': 'Per day',
  'per-hour-wage': 'Per hour',
  'one-time': 'One time',
};

/** A requisition's approval status (`approval.status`; Lever documents `approved`, others pass through as sent). */
export const APPROVAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  approved: 'Approved',
  pending: 'Pending',
  rejected: 'Rejected',
};

/**
 * A render that shows a code by its label; a code Lever adds later is shown as sent rather than hidden. Only the
 * cell changes: the staged value (and so change tracking) keeps Lever's code.
 */
export function shownAs(labels: Readonly<Record<string, string>>): (raw: RawCell) => unknown {
  const byCode = new Map(Object.entries(labels));
  return (raw) => (typeof raw === 'string' ? (byCode.get(raw) ?? raw) : raw);
}
