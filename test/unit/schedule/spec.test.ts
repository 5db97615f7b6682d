// Schedule spec validation and descriptions.
import { describeSpec, validateScheduleSpec } from '../../../src/schedule/spec';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('validateScheduleSpec', () => {
  it('keeps only the fields a kind uses', () => {
    expect(validateScheduleSpec({ kind: 'hourly', everyHours: 4, hour: 3 })).toEqual({ kind: 'hourly', everyHours: 4 });
    expect(validateScheduleSpec({ kind: 'daily', hour: 7, weekDay: 'MONDAY' })).toEqual({ kind: 'daily', hour: 7 });
    expect(validateScheduleSpec({ kind: 'weekly', hour: 0, weekDay: 'friday' })).toEqual({
      kind: 'weekly',
      hour: 0,
      weekDay: 'FRIDAY',
    });
    expect(validateScheduleSpec({ kind: 'off', everyHours: 2 })).toEqual({ kind: 'off' });
  });

  it.each([
    [{ kind: 'hourly', everyHours: 3 }],
    [{ kind: 'hourly' }],
    [{ kind: 'daily', hour: 24 }],
    [{ kind: 'daily', hour: 6.5 }],
    [{ kind: 'daily', hour: '7' }],
    [{ kind: 'weekly', hour: 7, weekDay: 'FUNDAY' }],
    [{ kind: 'minutely' }],
    [null],
  ])('refuses %j with BAD_INPUT', (spec) => {
    expect(codeOf(() => validateScheduleSpec(spec))).toBe('BAD_INPUT');
  });
});

describe('describeSpec', () => {
  it('reads like a sentence fragment', () => {
    expect(describeSpec({ kind: 'hourly', everyHours: 1 })).toBe('every hour');
    expect(describeSpec({ kind: 'hourly', everyHours: 6 })).toBe('every 6 hours');
    expect(describeSpec({ kind: 'daily', hour: 7 })).toBe('daily at 07:00');
    expect(describeSpec({ kind: 'weekly', hour: 18, weekDay: 'MONDAY' })).toBe('every Monday at 18:00');
  });
});
