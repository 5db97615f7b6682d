// withScriptLock: pending writes are flushed before the script lock is released, also when the work throws.
import { withScriptLock } from '../../../src/gas/state-sheet';

const globals = globalThis as Record<string, unknown>;
let events: string[] = [];

function stubServices(flush: () => void = () => undefined) {
  events = [];
  globals.LockService = {
    getScriptLock: () => ({
      tryLock: () => {
        events.push('lock');
        return true;
      },
      releaseLock: () => events.push('release'),
    }),
  };
  globals.SpreadsheetApp = {
    flush: () => {
      events.push('flush');
      flush();
    },
  };
}

afterEach(() => {
  delete globals.LockService;
  delete globals.SpreadsheetApp;
});

describe('withScriptLock', () => {
  it('flushes once, then releases, when the work succeeds', () => {
    stubServices();
    expect(withScriptLock(() => 7)).toBe(7);
    expect(events).toEqual(['lock', 'flush', 'release']);
  });

  it("flushes the thrown work's writes before the release and rethrows the work's error", () => {
    stubServices();
    expect(() =>
      withScriptLock(() => {
        events.push('write');
        throw new Error('work failed');
      }),
    ).toThrow('work failed');
    expect(events).toEqual(['lock', 'write', 'flush', 'release']);
  });

  it("keeps the work's error when the flush on the way out fails too, and still releases", () => {
    stubServices(() => {
      throw new Error('flush failed');
    });
    expect(() =>
      withScriptLock(() => {
        throw new Error('work failed');
      }),
    ).toThrow('work failed');
    expect(events).toEqual(['lock', 'flush', 'release']);
  });

  it('releases after a flush that fails on success, reporting the flush error', () => {
    stubServices(() => {
      throw new Error('flush failed');
    });
    expect(() => withScriptLock(() => 1)).toThrow('flush failed');
    expect(events).toEqual(['lock', 'flush', 'release']);
  });
});
