// The UrlFetch call count (rolling 24-hour window per user) and the schedule sizing arithmetic.
import type { HttpPort } from '../../../src/ports/http';
import { memoryStore } from '../../../src/ports/store';
import {
  countingHttp,
  exceedsScheduleShare,
  expectedCallsPerDay,
  runsPerDay,
  urlFetchCallsToday,
  urlFetchWarning,
} from '../../../src/schedule/urlfetch-quota';

const HOUR = 3_600_000;
const ok = { status: 200, headers: {}, body: '' };
const fake: HttpPort = { fetch: () => ok, fetchAll: (requests) => requests.map(() => ok) };
const request = { url: 'https://api.example.test/v1/x', headers: {} };

describe('counting UrlFetch calls', () => {
  it('counts single calls and every request of a batch, and restarts 24 hours after the window opened', () => {
    const user = memoryStore();
    let now = 0;
    const http = countingHttp(fake, user, () => now);
    http.fetch(request);
    http.fetchAll([request, request, request]);
    http.fetchAll([]);
    expect(urlFetchCallsToday(user, now)).toBe(4);
    now = 23 * HOUR;
    http.fetch(request);
    expect(urlFetchCallsToday(user, now)).toBe(5);
    now = 24 * HOUR;
    expect(urlFetchCallsToday(user, now)).toBe(0);
    http.fetch(request);
    expect(urlFetchCallsToday(user, now)).toBe(1);
  });

  it('reads the stored window once per client and writes once per batch', () => {
    const user = memoryStore();
    const counted = { get: 0, set: 0 };
    const store = {
      ...user,
      get: (key: string) => {
        counted.get++;
        return user.get(key);
      },
      set: (key: string, value: string) => {
        counted.set++;
        user.set(key, value);
      },
    };
    const http = countingHttp(fake, store, () => 0);
    for (let batch = 0; batch < 5; batch++) http.fetchAll([request, request]);
    expect(counted).toEqual({ get: 1, set: 5 });
    expect(urlFetchCallsToday(user, 0)).toBe(10);
  });

  it('still sends when the store refuses the count (a full UserProperties must not stop imports)', () => {
    const full = {
      ...memoryStore(),
      set: () => {
        throw new Error('You have exceeded the property storage quota.');
      },
    };
    const sent: number[] = [];
    const http = countingHttp(
      {
        fetch: () => {
          sent.push(1);
          return ok;
        },
        fetchAll: (r) => {
          sent.push(r.length);
          return r.map(() => ok);
        },
      },
      full,
      () => 0,
    );
    expect(http.fetch(request)).toBe(ok);
    expect(http.fetchAll([request, request])).toHaveLength(2);
    expect(sent).toEqual([1, 2]);
  });
});

describe('schedule sizing', () => {
  it('multiplies the last run by the runs a day and compares with half of 20,000', () => {
    expect(runsPerDay({ kind: 'hourly', everyHours: 1 })).toBe(24);
    expect(runsPerDay({ kind: 'hourly', everyHours: 8 })).toBe(3);
    expect(runsPerDay({ kind: 'daily', hour: 3 })).toBe(1);
    expect(expectedCallsPerDay({ kind: 'weekly', weekDay: 'MONDAY', hour: 3 }, 70)).toBe(10);
    expect(exceedsScheduleShare({ kind: 'hourly', everyHours: 1 }, 416)).toBe(false);
    expect(exceedsScheduleShare({ kind: 'hourly', everyHours: 1 }, 417)).toBe(true);
    expect(exceedsScheduleShare({ kind: 'daily', hour: 3 }, 10_001)).toBe(true);
  });
});

describe('the warning before the daily limit', () => {
  it('starts at 80% of the assumed 20,000 and names the count and the limit', () => {
    expect(urlFetchWarning(0)).toBeUndefined();
    expect(urlFetchWarning(15_999)).toBeUndefined();
    expect(urlFetchWarning(16_000)).toMatch(/^Lever for Sheets has sent 16,000 of the 20,000 requests Google lets/);
    expect(urlFetchWarning(21_000)).toMatch(/sent 21,000 of the 20,000/);
  });
});
