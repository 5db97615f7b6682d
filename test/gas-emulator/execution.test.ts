// The execution model: fresh realms, the virtual clock, the 6-minute kill, no Node globals, strict services.
import { ANA, emulator, START } from './helpers';

describe('fresh executions on a virtual clock', () => {
  test('Date reads the virtual clock and service calls advance it', () => {
    const emu = emulator(`
      function main() {
        const before = Date.now();
        Utilities.sleep(1500);
        return { before, after: new Date().getTime(), fixed: new Date(0).toISOString(), utc: Date.UTC(2020, 0, 1),
                 parsed: Date.parse('2020-01-01T00:00:00Z'), isDate: new Date() instanceof Date, name: Date.name };
      }`);
    const result = emu.run('main');
    expect(result.ok).toBe(true);
    expect(result.value).toEqual({
      before: START,
      after: START + 1500, // a sleep costs exactly its duration
      fixed: '1970-01-01T00:00:00.000Z',
      utc: Date.UTC(2020, 0, 1),
      parsed: Date.UTC(2020, 0, 1),
      isDate: true,
      name: 'Date',
    });
    expect(emu.clock.now()).toBe(START + 1500);
    expect(result.elapsedMs).toBe(1500);
  });

  test('each execution starts with fresh globals', () => {
    const emu = emulator(
      'var counter = 0; function bump() { counter += 1; globalThis.leak = counter; return counter; }',
    );
    expect(emu.run('bump').value).toBe(1);
    expect(emu.run('bump').value).toBe(1);
  });

  test('a missing or private function is not found', () => {
    const emu = emulator('function helper_() { return 1; }');
    expect(emu.run('nothing').error).toEqual({ name: 'Exception', message: 'Script function not found: nothing' });
    expect(emu.run('helper_').error?.message).toBe('Script function not found: helper_');
  });

  test('Node and browser globals do not exist, like in Apps Script', () => {
    const emu = emulator(`
      function probe() {
        return ['require', 'process', 'setTimeout', 'setInterval', 'fetch', 'Buffer', 'URL', 'TextEncoder', 'module', 'global']
          .map((name) => { try { eval(name); return name + ' exists'; } catch (e) { return e.name; } });
      }`);
    const result = emu.run('probe');
    expect(result.value).toEqual(Array(10).fill('ReferenceError'));
  });

  test('errors thrown by services are Exceptions of the bundle realm', () => {
    const emu = emulator(`
      function main() {
        try { UrlFetchApp.fetch('https://elsewhere.example.org/x'); }
        catch (e) { return [e instanceof Error, e.name, String(e).startsWith('Exception: Request to')]; }
      }`);
    expect(emu.run('main').value).toEqual([true, 'Exception', true]);
  });

  test('console and Logger are captured per execution and cumulatively', () => {
    const emu = emulator(
      `function main(n) { console.log('n =', n); Logger.log('value %s', n); console.error({ a: n }); }`,
    );
    const first = emu.run('main', [1]);
    emu.run('main', [2]);
    expect(first.logs).toEqual(['n = 1', 'value 1', '{ a: 1 }']);
    expect(emu.logs).toEqual(['n = 1', 'value 1', '{ a: 1 }', 'n = 2', 'value 2', '{ a: 2 }']);
  });
});

describe('unsupported calls throw', () => {
  test.each([
    ['PropertiesService.getFooProperties()', 'Unsupported in the emulator: PropertiesService.getFooProperties'],
    ['DriveApp.getFiles()', 'Unsupported in the emulator: DriveApp.getFiles'],
    ['HtmlService.createTemplateFromFile("Page")', 'Unsupported in the emulator: HtmlService.createTemplateFromFile'],
    ['Utilities.formatString("%s", 1)', 'Unsupported in the emulator: Utilities.formatString'],
    [
      'ScriptApp.newTrigger("f").forSpreadsheet("x")',
      'Unsupported in the emulator: ScriptApp.TriggerBuilder.forSpreadsheet',
    ],
  ])('%s', (expression, message) => {
    const emu = emulator(`function main() { return ${expression}; }`);
    expect(emu.run('main').error).toEqual({ name: 'Exception', message });
  });
});

describe('the 6-minute limit', () => {
  const LOOP = `
    function longRun() {
      PropertiesService.getScriptProperties().setProperty('started', 'yes');
      try {
        for (let minute = 0; minute < 7; minute++) {
          Utilities.sleep(60000);
          PropertiesService.getScriptProperties().setProperty('minute', String(minute));
        }
        return 'finished';
      } catch (e) {
        try { PropertiesService.getScriptProperties().setProperty('caught', e.message); } catch (again) {}
        return 'caught';
      }
    }`;

  test('a 7-minute loop is killed at 6 minutes; earlier writes stay, catch blocks cannot write', () => {
    const emu = emulator(LOOP);
    const result = emu.run('longRun', [], { user: ANA });
    expect(result.ok).toBe(false);
    expect(result.timedOut).toBe(true);
    expect(result.error).toEqual({ name: 'Exception', message: 'Exceeded maximum execution time' });
    expect(result.elapsedMs).toBe(360_000);
    expect(emu.clock.now()).toBe(START + 360_000);
    // Sleeps of 60 s plus 1 ms per call: minutes 0..4 were written before the sixth sleep crossed 6:00.
    expect(emu.scriptProperties()).toEqual({ started: 'yes', minute: '4' });
  });

  test('the limit is configurable and the next execution starts fresh', () => {
    const emu = emulator(LOOP, { executionLimitMs: 90_000 });
    expect(emu.run('longRun').timedOut).toBe(true);
    expect(emu.scriptProperties().minute).toBe('0');
    const emuAgain = emulator('function quick() { Utilities.sleep(10); return 1; }', { executionLimitMs: 90_000 });
    expect(emuAgain.run('quick')).toMatchObject({ ok: true, timedOut: false, value: 1 });
  });

  test('a test can change the limit for the executions that start after it (to kill one at a chosen moment)', () => {
    const emu = emulator(LOOP);
    emu.setExecutionLimit(150_000);
    expect(emu.run('longRun').timedOut).toBe(true);
    expect(emu.scriptProperties().minute).toBe('1');
    emu.setExecutionLimit(480_000);
    expect(emu.run('longRun')).toMatchObject({ ok: true, value: 'finished' });
  });

  test('a CPU loop that never calls a service is stopped by the wall-clock guard', () => {
    const emu = emulator('function spin() { for (;;) {} }', { wallClockLimitMs: 200 });
    const result = emu.run('spin');
    expect(result).toMatchObject({ ok: false, timedOut: true, error: { message: 'Exceeded maximum execution time' } });
  });

  test('simple triggers (onOpen without authorization) get 30 seconds', () => {
    const emu = emulator('function onOpen() { Utilities.sleep(31000); }');
    expect(emu.run('onOpen', undefined, { authMode: 'LIMITED' }).timedOut).toBe(true);
    expect(emu.run('onOpen', undefined, { authMode: 'FULL' }).timedOut).toBe(false);
  });
});

describe('promises', () => {
  test('promise callbacks run before the execution ends; service objects die with it', () => {
    const emu = emulator(`
      let kept;
      async function main() {
        await null;
        kept = PropertiesService.getScriptProperties();
        kept.setProperty('after', 'await');
        return 'started';
      }
      function leak() { return PropertiesService.getScriptProperties(); }`);
    expect(emu.run('main').ok).toBe(true);
    expect(emu.scriptProperties()).toEqual({ after: 'await' });
    const leaked = emu.run('leak').value as { setProperty(k: string, v: string): void };
    expect(() => leaked.setProperty('late', 'write')).toThrow('This execution has ended.');
    expect(emu.scriptProperties()).toEqual({ after: 'await' });
  });
});
