// How the sidebar words numbers, instants, durations, schedules and run outcomes (pure functions).
import type { LeverEndpoint, LeverEnvironment, RunRecord, ScheduleSpec } from '../src/shared/types';

export const ENVIRONMENT_LABELS: Record<LeverEnvironment, string> = {
  production: 'Production',
  sandbox: 'Sandbox',
  eu: 'Production (EU)',
};

/** The short badge shown wherever a key or an import is: which Lever account it reads. */
export const ENVIRONMENT_BADGES: Record<LeverEnvironment, string> = {
  production: 'Production',
  sandbox: 'Sandbox',
  eu: 'EU',
};

export const ENDPOINT_LABELS: Record<LeverEndpoint, string> = {
  opportunities: 'Opportunities',
  requisitions: 'Requisitions',
  stages: 'Stages',
  users: 'Users',
  archive_reasons: 'Archive reasons',
  postings: 'Postings',
  requisition_fields: 'Requisition fields',
};

export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 row", "1,234 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** An ISO instant as the spreadsheet's local date and time, e.g. "Jan 5, 2026, 9:14 AM". */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    // An unknown zone name: better the browser's own zone than nothing.
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/**
 * The next scheduled run as "Jan 6, after 06:00": the dispatcher fires at a minute Google picks within the hour,
 * so the slot's start is a lower bound, never the exact time.
 */
export function formatNextRun(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = (zone?: string) => {
    const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: zone };
    const day = new Intl.DateTimeFormat('en-US', options).format(date);
    const time = new Intl.DateTimeFormat('en-US', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    });
    return `${day}, after ${time.format(date)}`;
  };
  try {
    return format(timeZone);
  } catch {
    return format();
  }
}

/** "42 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "09:00" for hour 9. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function titleCase(day: string): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}

/** A schedule in words: "Every 4 hours", "Daily at 09:00", "Weekly on Monday at 09:00", "Not scheduled". */
export function describeSchedule(spec: ScheduleSpec | undefined): string {
  if (!spec || spec.kind === 'off') return 'Not scheduled';
  if (spec.kind === 'hourly') {
    const every = spec.everyHours ?? 1;
    return every === 1 ? 'Every hour' : `Every ${every} hours`;
  }
  const at = formatHour(spec.hour ?? 0);
  if (spec.kind === 'daily') return `Daily at ${at}`;
  return `Weekly on ${titleCase(spec.weekDay ?? 'MONDAY')} at ${at}`;
}

export function isRunActive(run: RunRecord | null | undefined): boolean {
  return !!run && (run.status === 'running' || run.status === 'continuing');
}

/** One line for a run: "Succeeded · 1,234 rows", "Failed", "Running · 300 records fetched". */
export function describeOutcome(run: RunRecord): string {
  if (isRunActive(run)) return `Running · ${plural(run.rowsFetched, 'record')} fetched`;
  if (run.status === 'failed') return 'Failed';
  const rows = `Succeeded · ${plural(run.rowsWritten ?? run.rowsFetched, 'row')}`;
  return run.kind === 'changes' ? `${rows} · changes only` : rows;
}

/**
 * The change-tracking line for an import card: a list of counts becomes "Last refresh: 3 new, 1 closed"; the
 * server's whole sentences (nothing changed, tracking just started, could not record) are shown as they are.
 */
export function describeChanges(summary: string, lead = 'Last refresh'): string {
  const text = summary.trim();
  return /[.!?…]$/.test(text) ? text : `${lead}: ${text}.`;
}

export function triggerLabel(run: RunRecord): string {
  if (run.trigger === 'schedule') return 'on schedule';
  if (run.trigger === 'menu') return 'from the menu';
  return 'from the sidebar';
}
