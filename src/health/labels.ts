// Short words for an import as collaborators read it in the status sheet: object, environment, filters, schedule.
import { describeSpec, isScheduled } from '../schedule/spec';
import type {
  ImportDefinition,
  ImportFilters,
  ImportObject,
  LeverEnvironment,
  RequisitionStatus,
  RunRecord,
  RunTrigger,
  TriState,
} from '../shared/types';

const SEPARATOR = ' · ';

export const OBJECT_LABELS: Record<ImportObject, string> = {
  opportunities: 'Opportunities',
  requisitions: 'Requisitions',
};

/** Named the same way in the sidebar: which Lever a key or an import talks to is never left implicit. */
export const ENVIRONMENT_LABELS: Record<LeverEnvironment, string> = {
  production: 'Production',
  sandbox: 'Sandbox',
  eu: 'Production (EU)',
};

const TRI_STATE_WORDS: Record<TriState, string> = { exclude: 'excluded', include: 'included', only: 'only' };

const STATUS_WORDS: Record<RequisitionStatus, string> = {
  open: 'open',
  onHold: 'on hold',
  closed: 'closed',
  draft: 'draft',
};

const TRIGGER_WORDS: Record<RunTrigger, string> = { sidebar: 'sidebar', menu: 'menu', schedule: 'schedule' };

function counted(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function createdPart(filters: ImportFilters): string | undefined {
  const { createdAfter: after, createdBefore: before } = filters;
  if (after && before) return `created ${after} to ${before}`;
  if (after) return `created ≥ ${after}`;
  if (before) return `created ≤ ${before}`;
  return undefined;
}

function opportunityParts(filters: ImportFilters): string[] {
  const parts = [`archived ${TRI_STATE_WORDS[filters.archived]}`, `snoozed ${TRI_STATE_WORDS[filters.snoozed]}`];
  if (filters.stageIds?.length) parts.push(counted(filters.stageIds.length, 'stage'));
  if (filters.postingIds?.length) parts.push(counted(filters.postingIds.length, 'posting'));
  if (filters.tags?.length) parts.push(`tags ${filters.tags.join(', ')}`);
  return parts;
}

function requisitionParts(filters: ImportFilters): string[] {
  const statuses = filters.requisitionStatus ?? [];
  return statuses.length > 0 ? [`status ${statuses.map((s) => STATUS_WORDS[s] ?? s).join(', ')}`] : [];
}

/** "Opportunities · created ≥ 2025-01-01 · archived excluded · snoozed excluded · confidential excluded". */
export function filterSummary(object: ImportObject, filters: ImportFilters): string {
  const parts = [OBJECT_LABELS[object], createdPart(filters)];
  parts.push(...(object === 'opportunities' ? opportunityParts(filters) : requisitionParts(filters)));
  parts.push(`confidential ${TRI_STATE_WORDS[filters.confidential] ?? filters.confidential}`);
  return parts.filter(Boolean).join(SEPARATOR);
}

/** "Daily at 07:00 (America/New_York) · owner ana@example.com", or "Off". */
export function scheduleSummary(definition: ImportDefinition, timeZone: string): string {
  if (!isScheduled(definition.schedule)) return 'Off';
  const spec = describeSpec(definition.schedule);
  const owner = definition.scheduleOwner ? `owner ${definition.scheduleOwner}` : 'owner unknown';
  return `${spec.charAt(0).toUpperCase()}${spec.slice(1)} (${timeZone})${SEPARATOR}${owner}`;
}

const OUTCOME_WORDS: Record<RunRecord['status'], string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  running: 'Running',
  continuing: 'Running',
};

/** "Failed · schedule": how the last run ended and what started it. */
export function outcomeLabel(run: RunRecord): string {
  const outcome = `${OUTCOME_WORDS[run.status] ?? run.status}${SEPARATOR}${TRIGGER_WORDS[run.trigger] ?? run.trigger}`;
  // A full run is what every import did before changes-only refreshes existed, so only the other kind is named.
  return run.kind === 'changes' ? `${outcome}${SEPARATOR}changes only` : outcome;
}
