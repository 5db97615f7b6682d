// The intlZones reading (unknowns 9): Intl in the bundle's realm with or without IANA time-zone data.
import { emulator } from './helpers';

const INSTANT = 'new Date(Date.UTC(2026, 2, 8, 7, 5, 9))'; // 03:05:09 EDT, just after the DST jump

function evaluate(expression: string, intlZones?: 'present' | 'absent') {
  const options = intlZones ? { readings: { intlZones } } : {};
  return emulator(`function main() { return ${expression}; }`, options).run('main');
}

const NEW_YORK_HOUR = `new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(${INSTANT})`;

describe("'absent' (the default)", () => {
  test.each([
    [NEW_YORK_HOUR],
    [`${INSTANT}.toLocaleString('en-US', { timeZone: 'Asia/Kolkata' })`],
    [`${INSTANT}.toLocaleDateString('en-US', { timeZone: 'Europe/Berlin' })`],
    [`${INSTANT}.toLocaleTimeString('en-US', { timeZone: 'America/New_York' })`],
  ])('a named zone throws V8’s RangeError: %s', (expression) => {
    const result = evaluate(expression);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({
      name: 'RangeError',
      message: expect.stringMatching(/^Invalid time zone specified: /),
    });
  });

  test('UTC and Etc/UTC, and no zone at all, still work; instanceof holds', () => {
    const utc = `new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', hourCycle: 'h23' }).format(${INSTANT})`;
    expect(evaluate(utc).value).toBe('07');
    expect(evaluate(`${INSTANT}.toLocaleString('en-US', { timeZone: 'Etc/UTC' })`).ok).toBe(true);
    expect(evaluate(`new Intl.DateTimeFormat('en-US').format(${INSTANT}).length > 0`).value).toBe(true);
    expect(evaluate(`Intl.DateTimeFormat('en-US') instanceof Intl.DateTimeFormat`).value).toBe(true);
  });

  test('Utilities.formatDate keeps working in any zone', () => {
    expect(evaluate(`Utilities.formatDate(${INSTANT}, 'America/New_York', 'HH:mm')`).value).toBe('03:05');
  });
});

describe("'present'", () => {
  test('Intl knows IANA zones', () => {
    expect(evaluate(NEW_YORK_HOUR, 'present').value).toBe('03');
    expect(
      evaluate(`${INSTANT}.toLocaleTimeString('en-US', { timeZone: 'Asia/Kolkata', hourCycle: 'h23' })`, 'present')
        .value,
    ).toBe('12:35:09');
  });
});
