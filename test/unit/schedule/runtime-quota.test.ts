// Trigger-runtime accounting in Google's rolling 24-hour window.
import { memoryStore } from '../../../src/ports/store';
import {
  mayStartWork,
  recordRuntime,
  runtimeMeter,
  runtimeUsedMs,
  runtimeWarning,
} from '../../../src/schedule/runtime-quota';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 6, 9);

describe('runtime', () => {
  it('records an execution in steps (before a commit, then at the end) without counting any time twice', () => {
    const store = memoryStore();
    recordRuntime(store, 10 * MIN, T0 - 3_600_000, T0 - 3_600_000 + 10 * MIN);
    let now = T0;
    const meter = runtimeMeter(store, T0, () => now);
    now = T0 + 4 * MIN;
    meter.record();
    // An execution killed during its commit stops here: the 4 minutes before it are already counted.
    expect(runtimeUsedMs(store, now)).toBe(14 * MIN);
    now = T0 + 5 * MIN;
    meter.record();
    expect(runtimeUsedMs(store, now)).toBe(15 * MIN);
  });

  it('adds executions within the window and starts over 24 hours after its first use', () => {
    const store = memoryStore();
    recordRuntime(store, 5 * MIN, T0, T0 + 5 * MIN);
    recordRuntime(store, 4 * MIN, T0 + 3_600_000, T0 + 3_600_000 + 4 * MIN);
    expect(runtimeUsedMs(store, T0 + 2 * 3_600_000)).toBe(9 * MIN);
    const nextDay = T0 + 24 * 3_600_000;
    expect(runtimeUsedMs(store, nextDay)).toBe(0);
    recordRuntime(store, 2 * MIN, nextDay, nextDay + 2 * MIN);
    expect(runtimeUsedMs(store, nextDay + 3 * MIN)).toBe(2 * MIN);
  });

  it('stops new work a full execution before the 90-minute limit', () => {
    expect(mayStartWork(83 * MIN)).toBe(true);
    expect(mayStartWork(85 * MIN)).toBe(false);
  });

  it('warns above an hour', () => {
    expect(runtimeWarning(60 * MIN)).toBeUndefined();
    expect(runtimeWarning(61 * MIN)).toMatch(/used 61 of Google's 90 minutes/);
    expect(runtimeWarning(88 * MIN)).toMatch(/wait until the limit resets/);
  });
});
