// The status sheet's words: object, environment, filter and schedule summaries, run outcomes.
import { ENVIRONMENT_LABELS, filterSummary, outcomeLabel, scheduleSummary } from '../../../src/health/labels';
import type { ImportFilters } from '../../../src/shared/types';
import { definition, runRecord, scheduled } from '../trigger/fakes';

const DEFAULTS: ImportFilters = { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' };

describe('filterSummary', () => {
  it('reads like a sentence fragment for opportunities', () => {
    expect(filterSummary('opportunities', { ...DEFAULTS, createdAfter: '2025-01-01' })).toBe(
      'Opportunities · created ≥ 2025-01-01 · archived excluded · snoozed excluded · confidential excluded',
    );
    const narrow: ImportFilters = {
      archived: 'only',
      snoozed: 'include',
      confidential: 'include',
      createdAfter: '2025-01-01',
      createdBefore: '2025-06-30',
      stageIds: ['s1', 's2'],
      postingIds: ['p1'],
      tags: ['Referral', 'Rehire'],
    };
    expect(filterSummary('opportunities', narrow)).toBe(
      'Opportunities · created 2025-01-01 to 2025-06-30 · archived only · snoozed included · 2 stages · 1 posting · ' +
        'tags Referral, Rehire · confidential included',
    );
  });

  it('names requisition statuses and leaves out the opportunity-only filters', () => {
    const filters: ImportFilters = { ...DEFAULTS, requisitionStatus: ['open', 'onHold'], createdBefore: '2025-12-31' };
    expect(filterSummary('requisitions', filters)).toBe(
      'Requisitions · created ≤ 2025-12-31 · status open, on hold · confidential excluded',
    );
    expect(filterSummary('requisitions', { ...DEFAULTS, confidential: 'only' })).toBe(
      'Requisitions · confidential only',
    );
  });
});

describe('scheduleSummary', () => {
  it("gives the schedule in the spreadsheet's zone with its owner, or Off", () => {
    const daily = scheduled('a', { kind: 'daily', hour: 7 }, 'ana@example.com');
    expect(scheduleSummary(daily, 'America/New_York')).toBe(
      'Daily at 07:00 (America/New_York) · owner ana@example.com',
    );
    const weekly = scheduled('a', { kind: 'weekly', hour: 18, weekDay: 'FRIDAY' }, '');
    expect(scheduleSummary(weekly, 'Europe/Paris')).toBe('Every Friday at 18:00 (Europe/Paris) · owner unknown');
    expect(scheduleSummary(definition('b'), 'Europe/Paris')).toBe('Off');
    expect(scheduleSummary(scheduled('c', { kind: 'off' }, 'ana@example.com'), 'Europe/Paris')).toBe('Off');
  });
});

describe('labels', () => {
  it('makes the environment explicit, sandbox included', () => {
    expect(ENVIRONMENT_LABELS).toEqual({ production: 'Production', sandbox: 'Sandbox', eu: 'Production (EU)' });
  });

  it('says how the last run ended and what started it', () => {
    expect(outcomeLabel(runRecord('a'))).toBe('Succeeded · schedule');
    expect(outcomeLabel(runRecord('a', { status: 'failed', trigger: 'menu' }))).toBe('Failed · menu');
    expect(outcomeLabel(runRecord('a', { status: 'continuing', trigger: 'sidebar' }))).toBe('Running · sidebar');
  });

  it('names a changes-only run', () => {
    expect(outcomeLabel(runRecord('a', { kind: 'changes' }))).toBe('Succeeded · schedule · changes only');
    expect(outcomeLabel(runRecord('a', { kind: 'full' }))).toBe('Succeeded · schedule');
  });
});
