// Utilities: sleep on the virtual clock, formatDate with Java patterns, UUIDs; bytes and digests in utilities-bytes.
import { isDate } from '../context';
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { Charset } from './blob';
import { formatJavaDate, PatternError } from './format-date';
import { expectArgs, strictObject } from './strict';
import { byteUtilities, DigestAlgorithm } from './utilities-bytes';

const MAX_SLEEP_MS = 300_000;

export function createUtilities(exec: Execution, core: EmulatorCore): object {
  const name = (method: string) => `Utilities.${method}`;
  return strictObject(exec, 'Utilities', {
    Charset,
    DigestAlgorithm,
    ...byteUtilities(exec),
    sleep(ms: unknown) {
      expectArgs(exec, name('sleep'), [ms], typeof ms === 'number');
      if ((ms as number) < 0 || (ms as number) > MAX_SLEEP_MS) throw exec.exception('Invalid argument: milliseconds');
      exec.call(name('sleep'), { ms: ms as number });
    },
    formatDate(date: unknown, timeZone: unknown, format: unknown) {
      const args = [date, timeZone, format];
      expectArgs(
        exec,
        name('formatDate'),
        args,
        isDate(date) && typeof timeZone === 'string' && typeof format === 'string',
      );
      exec.call(name('formatDate'));
      try {
        return formatJavaDate((date as Date).getTime(), timeZone as string, format as string);
      } catch (error) {
        if (error instanceof PatternError) throw exec.exception(error.message);
        throw error;
      }
    },
    getUuid() {
      exec.call(name('getUuid'));
      return seededUuid(() => core.random.next());
    },
  });
}

/** A version-4 UUID from the emulator's seeded random source (reproducible runs). */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
