// The state sheet's exclusive(): its read-modify-write lands inside its own script-lock hold even inside a batch that
// holds other writes to its end, and a held write of the same key cannot overwrite it later.
import { stateStore, withScriptLock } from '../../../src/gas/state-sheet';

const globals = globalThis as Record<string, unknown>;

/** A one-sheet spreadsheet whose cells a second execution can edit between our holds. */
function fakeSpreadsheet(id: string) {
  const cells: unknown[][] = [];
  const put = (row: number, col: number, value: unknown) => {
    while (cells.length < row) cells.push(['', '']);
    cells[row - 1][col - 1] = value;
  };
  const range = (row: number, col: number) => ({
    setValue: (value: unknown) => put(row, col, value),
    setValues: (block: unknown[][]) => {
      for (const [i, line] of block.entries()) for (const [j, value] of line.entries()) put(row + i, col + j, value);
    },
  });
  const sheet = { getDataRange: () => ({ getValues: () => cells.map((line) => [...line]) }), getRange: range };
  const spreadsheet = { getId: () => id, getSheetByName: () => sheet, insertSheet: () => sheet };
  return { spreadsheet, cells };
}

beforeEach(() => {
  globals.LockService = { getScriptLock: () => ({ tryLock: () => true, releaseLock: () => undefined }) };
  globals.SpreadsheetApp = { flush: () => undefined };
});
afterEach(() => {
  delete globals.LockService;
  delete globals.SpreadsheetApp;
});

describe('the state sheet’s exclusive()', () => {
  it('writes at once inside a batch that holds other writes, and the held write of that key is dropped', () => {
    const { spreadsheet, cells } = fakeSpreadsheet('ss-exclusive');
    const store = stateStore(spreadsheet as never);
    withScriptLock(() => {
      store.set('runs.a', 'old');
      store.set('sched.a', '{"lastSlot":1}');
    });
    const value = (key: string) => String(cells.find((line) => String(line[0]).endsWith(key))?.[1]);
    store.batch?.(() => {
      store.set('runs.a', 'succeeded');
      store.set('sched.a', '{"lastSlot":1,"held":true}');
      store.exclusive?.(() => store.set('sched.a', '{"lastSlot":2}'));
      expect(value('sched.a')).toMatch(/"lastSlot":2/);
      expect(value('runs.a')).toMatch(/old/);
    });
    expect(value('runs.a')).toMatch(/succeeded/);
    expect(value('sched.a')).toMatch(/"lastSlot":2/);
  });
});
