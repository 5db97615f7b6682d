// A run shows a rate only when it succeeded with exactly the rows Lever holds; otherwise FAILED and why.
import { judge, type RunFigures, rateCells, speedup } from '../../tools/bench/verdict';

const sound: RunFigures = {
  status: 'succeeded',
  rowsInSheet: 8000,
  expectedRows: 8000,
  exact: true,
  executions: 1,
  seconds: 10,
};

describe('judge', () => {
  it('computes rec/s from the rows in the sheet', () => {
    expect(judge(sound)).toEqual({ ok: true, recordsPerSecond: 800 });
  });

  it.each([
    [{ status: 'failed', message: 'The sheet would pass 10 million cells' }, /status failed: The sheet would pass/],
    [{ status: 'continuing' }, /status continuing/],
    [{ rowsInSheet: 7900 }, /incomplete: 7900 of 8000/],
    [{ exact: false }, /not exact/],
    [{ seconds: 0 }, /no time/],
  ])('fails %p', (change, reason) => {
    const verdict = judge({ ...sound, ...change });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });
});

describe('rateCells', () => {
  it('gives the rate and the share of the ceiling at that latency', () => {
    expect(rateCells(judge(sound), 250)).toEqual({ rate: '800', ofCeiling: '80%' });
    expect(rateCells(judge(sound), 2500)).toEqual({ rate: '800', ofCeiling: '100%' });
  });

  it('shows FAILED and no figure for a failed run, however fast it was', () => {
    const cells = rateCells(judge({ ...sound, status: 'failed', message: 'cell cap' }), 250);
    expect(cells.rate).toBe('FAILED (status failed: cell cap)');
    expect(cells.ofCeiling).toBe('FAILED');
    expect(`${cells.rate}${cells.ofCeiling}`).not.toMatch(/\d+%|800/);
  });
});

describe('speedup', () => {
  it('compares two sound runs and refuses when either failed', () => {
    const baseline = judge({ ...sound, seconds: 20 });
    expect(speedup(judge(sound), baseline)).toBe('2.00x');
    expect(speedup(judge(sound), judge({ ...sound, exact: false }))).toBe('FAILED');
    expect(speedup(judge({ ...sound, status: 'failed' }), baseline)).toBe('FAILED');
    expect(speedup(judge(sound), undefined)).toBe('');
  });
});
