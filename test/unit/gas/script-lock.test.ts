// withScriptLock: pending writes are flushed before the script lock is released, also when the work throws; the
// import lease is claimed and released through it, so an import's writes land before the next holder reads.
import { leaseLock, withLock } from '../../../src/gas/lock';
import { type SheetStore, withScriptLock } from '../../../src/gas/state-sheet';
import { memoryStore } from '../../../src/ports/store';

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

/** A state store whose lease writes are recorded among the lock events. */
function leaseStore(): SheetStore {
  const inner = memoryStore();
  return {
    ...inner,
    set: (key, value) => {
      events.push(JSON.parse(value).holder ? 'lease taken' : 'lease freed');
      inner.set(key, value);
    },
    refresh: () => undefined,
  };
}

describe('the import lease', () => {
  it("flushes the import's writes before the lease's release lets the next run in", () => {
    stubServices();
    const result = withLock(leaseLock(leaseStore(), 'ana@example.com'), () => {
      events.push('import writes');
      return 'done';
    });
    expect(result).toBe('done');
    expect(events).toEqual([
      ...['lock', 'lease taken', 'flush', 'release'],
      'import writes',
      ...['lock', 'lease freed', 'flush', 'release'],
    ]);
  });

  it('flushes and releases the same way when the import fails', () => {
    stubServices();
    expect(() =>
      withLock(leaseLock(leaseStore(), 'ana@example.com'), () => {
        events.push('import writes');
        throw new Error('import failed');
      }),
    ).toThrow('import failed');
    expect(events.slice(-4)).toEqual(['lock', 'lease freed', 'flush', 'release']);
  });

  it("keeps the import's result when the release fails (the lease then expires with the execution)", () => {
    const lock = {
      tryLock: () => true,
      releaseLock: () => {
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      },
    };
    expect(withLock(lock, () => 'done')).toBe('done');
    expect(() =>
      withLock(lock, () => {
        throw new Error('import failed');
      }),
    ).toThrow('import failed');
  });
});
