// Window planning (pure): bounds, pages moving a window down, splitting the densest, restarts.
import {
  applyPage,
  EARLIEST,
  estimateRemaining,
  FAN_OUT_HORIZON_MS,
  type FetchWindow,
  fanOut,
  initialWindow,
  isDescending,
  planSplits,
  restartWindow,
  shareOut,
  splitWindow,
  windowParams,
} from '../../../src/lever/windows';

const records = (...dates: number[]) => dates.map((createdAt, i) => ({ id: `r${i}`, createdAt }));

describe('initialWindow and windowParams', () => {
  it('sends only the bounds the query has', () => {
    expect(windowParams(initialWindow())).toEqual({});
    expect(windowParams(initialWindow(10, 20))).toEqual({ created_at_start: 10, created_at_end: 20 });
    expect(windowParams(initialWindow(undefined, 20))).toEqual({ created_at_end: 20 });
  });

  it('covers from the earliest instant when unbounded below', () => {
    expect(initialWindow().floor).toBe(0);
    expect(initialWindow(5).floor).toBe(5);
  });
});

describe('applyPage', () => {
  it('keeps going while Lever has more, remembering the lowest date and the token', () => {
    const window = initialWindow(0, 1000);
    const result = applyPage(window, { data: records(900, 800, 700), hasNext: true, next: 't1' }, true);
    expect(result).toEqual({ records: records(900, 800, 700), done: false, early: false });
    expect(window).toMatchObject({ seen: 700, next: 't1' });
  });

  it('is done when Lever has no more', () => {
    const window = initialWindow();
    expect(applyPage(window, { data: records(5), hasNext: false }, true).done).toBe(true);
  });

  it('drops records below the floor and stops there once in order', () => {
    const window: FetchWindow = { lo: 0, hi: 1000, floor: 500, seen: 800, next: 't' };
    const result = applyPage(window, { data: records(700, 600, 500, 400), hasNext: true, next: 't2' }, true);
    expect(result.records.map((r) => r.createdAt)).toEqual([700, 600, 500]);
    expect(result.done).toBe(true);
  });

  it('reads to the end (still dropping below the floor) when the order cannot be trusted', () => {
    const window: FetchWindow = { lo: 0, hi: 1000, floor: 500, seen: 800, next: 't' };
    const result = applyPage(window, { data: records(400, 700), hasNext: true, next: 't2' }, false);
    expect(result.records.map((r) => r.createdAt)).toEqual([700]);
    expect(result.done).toBe(false);
  });
});

describe('isDescending', () => {
  it('accepts newest-first pages that continue below what was read', () => {
    expect(isDescending({ lo: null, hi: null, floor: 0 }, records(9, 9, 5, 1))).toBe(true);
    expect(isDescending({ lo: null, hi: null, floor: 0, seen: 5 }, records(5, 4))).toBe(true);
  });

  it('rejects a page that goes up, or starts above the window position', () => {
    expect(isDescending({ lo: null, hi: null, floor: 0 }, records(1, 2))).toBe(false);
    expect(isDescending({ lo: null, hi: null, floor: 0, seen: 5 }, records(6))).toBe(false);
  });
});

describe('splitWindow', () => {
  it('hands the lower half of the unread range to a new window and raises the floor', () => {
    const window: FetchWindow = { lo: null, hi: 1000, floor: 0, seen: 800, next: 't' };
    const lower = splitWindow(window);
    expect(lower).toEqual({ lo: null, hi: 399, floor: 0 });
    expect(window).toMatchObject({ lo: null, hi: 1000, floor: 400, next: 't' });
  });

  it('keeps an explicit lower bound in the new window', () => {
    const window: FetchWindow = { lo: 100, hi: null, floor: 100, seen: 301, next: 't' };
    expect(splitWindow(window)).toEqual({ lo: 100, hi: 200, floor: 100 });
    expect(window.floor).toBe(201);
  });

  it('cannot split a range of one millisecond or a window never read', () => {
    expect(splitWindow({ lo: 5, hi: 9, floor: 5, seen: 5, next: 't' })).toBeNull();
    expect(splitWindow({ lo: 5, hi: 9, floor: 5 })).toBeNull();
  });
});

describe('estimateRemaining', () => {
  it('extrapolates the page density over the unread range', () => {
    const window: FetchWindow = { lo: 0, hi: null, floor: 0, seen: 900, next: 't' };
    // 100 records over 100 ms, 900 ms left: about 900 records.
    const page = Array.from({ length: 100 }, (_, i) => ({ createdAt: 1000 - i }));
    expect(Math.round(estimateRemaining(window, page))).toBe(909);
  });

  it('is zero for a finished window', () => {
    expect(estimateRemaining({ lo: 0, hi: null, floor: 0, seen: 900 }, records(1000, 900))).toBe(0);
  });
});

describe('planSplits', () => {
  it('splits the densest windows into the free slots', () => {
    const dense: FetchWindow = { lo: 0, hi: null, floor: 0, seen: 1000, next: 'a' };
    const sparse: FetchWindow = { lo: 0, hi: null, floor: 0, seen: 1000, next: 'b' };
    const created = planSplits(
      [
        { window: sparse, remaining: 300 },
        { window: dense, remaining: 5000 },
      ],
      3,
      200,
    );
    expect(created).toHaveLength(3);
    // dense: 5000 → 2500 → 1250 → 625 each split; sparse never got the largest estimate.
    expect(dense.floor).toBe(875);
    expect(sparse.floor).toBe(0);
    const ranges = created.map((w) => [w.floor, w.hi]);
    expect(ranges).toEqual([
      [0, 499],
      [500, 749],
      [750, 874],
    ]);
  });

  it('does not split windows with little left', () => {
    const window: FetchWindow = { lo: 0, hi: null, floor: 0, seen: 1000, next: 'a' };
    expect(planSplits([{ window, remaining: 150 }], 5, 200)).toEqual([]);
    expect(window.floor).toBe(0);
  });
});

describe('restartWindow', () => {
  it('re-queries only the unread range when Lever kept its order', () => {
    const window: FetchWindow = { lo: 0, hi: 1000, floor: 400, seen: 800, next: 't' };
    expect(restartWindow(window, true, 5000)).toBeNull();
    expect(window).toEqual({ lo: 400, hi: 800, floor: 400, seen: 800, next: undefined, restarts: 1 });
  });

  it('otherwise splits the whole range into two new queries (no refused token can come back)', () => {
    const window: FetchWindow = { lo: null, hi: 1000, floor: 0, seen: 800, next: 't', restarts: 1 };
    const upper = restartWindow(window, false, 5000);
    expect(window).toMatchObject({ lo: null, hi: 500, floor: 0, next: undefined, restarts: 2 });
    expect(upper).toEqual({ lo: 501, hi: 1000, floor: 501, restarts: 2 });
  });

  it('splits an unbounded window at the current time, keeping its top open', () => {
    const window: FetchWindow = { lo: 100, hi: null, floor: 100, next: 't' };
    const upper = restartWindow(window, false, 1100);
    expect(window).toMatchObject({ lo: 100, hi: 600, floor: 100, next: undefined, restarts: 1 });
    expect(upper).toEqual({ lo: 601, hi: null, floor: 601, restarts: 1 });
  });
});

describe('fanOut', () => {
  const DAY = 86_400_000;
  const seen = Date.UTC(2026, 0, 1);

  it('cuts back from the first page in growing steps, contiguous and disjoint, down to 1970', () => {
    const window: FetchWindow = { lo: null, hi: null, floor: EARLIEST, next: 't', seen };
    const created = fanOut(window, 2 * DAY, 10);
    expect(created).toHaveLength(10);
    expect(window.floor).toBe(seen - 2 * DAY);
    let top = window.floor;
    for (const lower of created) {
      expect(lower.hi).toBe(top - 1);
      top = lower.floor;
    }
    expect(created[9]).toEqual({ lo: null, hi: created[8].floor - 1, floor: EARLIEST });
    const widths = created.slice(0, 9).map((lower) => (lower.hi ?? 0) - lower.floor);
    for (let k = 1; k < widths.length; k++) expect(widths[k]).toBeGreaterThan(widths[k - 1]);
    // The last bounded cut reaches the horizon: older records, if any, are in the one window below it.
    expect(seen - created[8].floor).toBeGreaterThan(FAN_OUT_HORIZON_MS * 0.4);
    expect(seen - created[8].floor).toBeLessThanOrEqual(FAN_OUT_HORIZON_MS);
  });

  it('with few slots, leaves the window several pages (not one, read and lost on a page below its floor)', () => {
    const window: FetchWindow = { lo: null, hi: null, floor: EARLIEST, next: 't', seen };
    const created = fanOut(window, DAY, 1);
    // One slot: the window keeps eight pages' span (FAN_OUT_KEEP_PAGES); three share them, three spans each.
    expect(window.floor).toBe(seen - 8 * DAY);
    expect(created).toEqual([{ lo: null, hi: window.floor - 1, floor: EARLIEST }]);
    const shared: FetchWindow = { lo: null, hi: null, floor: EARLIEST, next: 't', seen };
    fanOut(shared, DAY, 3);
    expect(shared.floor).toBe(seen - 3 * DAY);
  });

  it('keeps a bounded query within its range and plans nothing when no page was read', () => {
    const bottom = seen - 30 * DAY;
    const window: FetchWindow = { lo: bottom, hi: null, floor: bottom, next: 't', seen };
    const created = fanOut(window, DAY, 5);
    expect(created[created.length - 1]).toMatchObject({ lo: bottom, floor: bottom });
    expect(created.every((lower) => lower.lo !== null && lower.lo >= bottom)).toBe(true);
    expect(fanOut({ lo: null, hi: null, floor: EARLIEST }, DAY, 5)).toEqual([]);
  });
});

describe('shareOut', () => {
  it('shares a total out in whole numbers adding up to it, largest remainders first', () => {
    // Rounded down, 2.7 of 3 made 2 and the third window was lost.
    expect(shareOut(3, [10, 90])).toEqual([0, 3]);
    expect(shareOut(3, [50, 50])).toEqual([2, 1]);
    expect(shareOut(5, [1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0]);
    expect(shareOut(0, [10, 90])).toEqual([0, 0]);
    expect(shareOut(-2, [10, 90])).toEqual([0, 0]);
    expect(shareOut(3, [0, 0])).toEqual([0, 0]);
  });
});
