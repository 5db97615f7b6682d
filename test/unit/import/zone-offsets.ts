// Real time-zone offsets for tests, from Node's ICU (the product gets them from Utilities.formatDate instead).
import type { ZoneOffsetAt } from '../../../src/import/local-days';

export function offsetIn(timeZone: string): ZoneOffsetAt {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (epochMs) => {
    const name = format.formatToParts(new Date(epochMs)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!match) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === '-' ? -minutes : minutes;
  };
}

/** The epoch ms of a wall-clock time in a zone (tests only: a slow but obvious search). */
export function wallClock(timeZone: string, iso: string): number {
  const offsetAt = offsetIn(timeZone);
  const asUtc = Date.parse(`${iso}Z`);
  let guess = asUtc - offsetAt(asUtc) * 60_000;
  guess = asUtc - offsetAt(guess) * 60_000;
  return guess;
}
