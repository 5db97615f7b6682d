// The tracked workbook: grid sizes and the cell total asked once per execution, then kept exact without asking.
import type { SheetPort, WorkbookPort } from '../../../src/ports/sheet';
import { trackWorkbook } from '../../../src/sheet/tracked-workbook';
import { FakeWorkbook } from './fake-workbook';

type Counts = Record<string, number>;

/** Counts every method called on `target` (and on the sheets a workbook hands out) under `prefix`. */
function counted<T extends object>(target: T, counts: Counts, prefix: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const name = `${prefix}.${String(property)}`;
        counts[name] = (counts[name] ?? 0) + 1;
        const result = value.apply(object, args);
        const handsOutSheet = prefix === 'book' && result && typeof result === 'object' && 'sheetId' in result;
        return handsOutSheet ? counted(result as SheetPort, counts, 'sheet') : result;
      };
    },
  });
}

function setup() {
  const fake = new FakeWorkbook('Etc/UTC', ['Sheet1', 'Data']);
  const counts: Counts = {};
  const tracked = trackWorkbook(counted<WorkbookPort>(fake, counts, 'book'));
  return { fake, counts, tracked };
}

/** The fake's own cell count, and the sizes the tracked workbook told it (`known`) on its last count. */
function spyOnCount(fake: FakeWorkbook) {
  let given: ReadonlyMap<number, number> | undefined;
  const total = fake.totalCells.bind(fake);
  fake.totalCells = (known?: ReadonlyMap<number, number>) => {
    given = known;
    return total();
  };
  return { total, given: () => given };
}

describe('trackWorkbook', () => {
  it('asks a sheet for its size once, then follows its growth and shrinking', () => {
    const { fake, counts, tracked } = setup();
    const sheet = tracked.sheetByName('Data') as SheetPort;
    expect([sheet.maxRows(), sheet.maxColumns()]).toEqual([1000, 26]);
    sheet.insertRowsAfter(1000, 4000);
    sheet.insertColumnsAfter(26, 4);
    sheet.deleteRows(10, 500);
    expect([sheet.maxRows(), sheet.maxColumns()]).toEqual([4500, 30]);
    expect([fake.sheet('Data').maxR, fake.sheet('Data').maxC]).toEqual([4500, 30]);
    expect(counts['sheet.maxRows']).toBe(1);
    expect(counts['sheet.maxColumns']).toBe(1);
  });

  it('counts the spreadsheet once, then keeps the total exact through inserts, growth and deletions', () => {
    const { fake, counts, tracked } = setup();
    expect(tracked.totalCells()).toBe(fake.totalCells());
    const added = tracked.insertSheet('Added');
    added.insertRowsAfter(added.maxRows(), 9_000);
    expect(tracked.totalCells()).toBe(fake.totalCells());
    const data = tracked.sheetByName('Data') as SheetPort;
    data.maxRows();
    data.maxColumns();
    data.insertColumnsAfter(26, 10);
    tracked.deleteSheet(added);
    expect(tracked.totalCells()).toBe(fake.totalCells());
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Data']);
    expect(counts['book.totalCells']).toBe(1);
  });

  it('tells the count the sizes it already knows, so those sheets are not asked again', () => {
    const { fake, tracked } = setup();
    const data = tracked.sheetByName('Data') as SheetPort;
    const cells = data.maxRows() * data.maxColumns();
    const { total, given } = spyOnCount(fake);
    expect(tracked.totalCells()).toBe(total());
    expect([...(given() ?? new Map())]).toEqual([[data.sheetId, cells]]);
  });

  it('sizes the sheets it holds when it counts, so a sheet counted is not asked its size again', () => {
    const { fake, counts, tracked } = setup();
    const data = tracked.sheetByName('Data') as SheetPort;
    const { total, given } = spyOnCount(fake);
    expect(tracked.totalCells()).toBe(total());
    // The count is told the size it asked through the sheet, so it does not ask that sheet again itself.
    expect([...(given() ?? new Map())]).toEqual([[data.sheetId, 26_000]]);
    expect([data.maxRows(), data.maxColumns()]).toEqual([1000, 26]);
    data.insertRowsAfter(1000, 500);
    expect(tracked.totalCells()).toBe(total());
    expect(counts['sheet.maxRows']).toBe(1);
    expect(counts['sheet.maxColumns']).toBe(1);
    expect(counts['book.totalCells']).toBe(1);
  });

  it('counts again when a sheet whose size it never asked for is resized', () => {
    const { fake, counts, tracked } = setup();
    tracked.totalCells();
    (tracked.sheetByName('Data') as SheetPort).insertRowsAfter(1000, 100);
    expect(tracked.totalCells()).toBe(fake.totalCells());
    expect(counts['book.totalCells']).toBe(2);
  });

  it('knows a sheet it inserted holds nothing until written, and has no frozen rows until frozen', () => {
    const { counts, tracked } = setup();
    const sheet = tracked.insertSheet('Fresh');
    expect([sheet.lastRow(), sheet.lastColumn(), sheet.frozenRows()]).toEqual([0, 0, 0]);
    expect(counts['sheet.lastRow']).toBeUndefined();
    sheet.write(3, 2, [['a', 'b']]);
    sheet.freezeRows(1);
    expect([sheet.lastRow(), sheet.lastColumn(), sheet.frozenRows()]).toEqual([3, 3, 1]);
    expect(counts['sheet.lastRow']).toBe(1);
    expect(counts['sheet.frozenRows']).toBeUndefined();
  });

  it('hands out the same sheet for the same id without asking again, and keeps its name', () => {
    const { fake, counts, tracked } = setup();
    const id = fake.sheet('Data').sheetId;
    const first = tracked.sheetById(id);
    expect(tracked.sheetById(id)).toBe(first);
    expect(tracked.sheetByName('Data')).toBe(first);
    expect(first?.name()).toBe('Data');
    expect(counts['book.sheetById']).toBe(1);
    expect(counts['sheet.name']).toBeUndefined();
    expect(tracked.sheetById(99_999)).toBeNull();
    expect(tracked.timeZone()).toBe(tracked.timeZone());
    expect(counts['book.timeZone']).toBe(1);
    expect(trackWorkbook(tracked)).toBe(tracked);
  });
});
