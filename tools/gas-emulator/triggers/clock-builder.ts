// ScriptApp.newTrigger(fn).timeBased(): the ClockTriggerBuilder a bundle chains, turned into a Schedule at create().
import type { EmulatorCore } from '../core';
import type { Execution } from '../runtime/execution';
import { expectArgs, isEnumOf, signatureError, strictObject } from '../services/strict';
import { isValidTimeZone, zonedToEpoch } from '../timezone';
import { WeekDay, weekDayNumber } from './enums';
import { localDayOf, mondayOf, type Schedule, weekDayOf } from './schedule';
import type { TriggerRecord } from './store';

const HOUR = 3_600_000;
const NAME = 'ScriptApp.ClockTriggerBuilder';

interface BuilderState {
  everyMs?: number;
  everyDays?: number;
  everyWeeks?: number;
  weekDay?: number;
  monthDay?: number;
  hour?: number;
  nearMinute?: number;
  onceAt?: number;
  atDate?: { year: number; month: number; day: number };
  timeZone?: string;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
const inRange = (n: unknown, min: number, max: number) =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
const isDateValue = (d: unknown) => Object.prototype.toString.call(d) === '[object Date]';

type Args = unknown[];

/** Each builder method: when its arguments are valid, and what it records. */
const SETTERS: Record<string, { valid: (a: Args) => boolean; apply: (a: Args, now: number) => BuilderState }> = {
  everyMinutes: {
    valid: ([n]) => [1, 5, 10, 15, 30].includes(n as number),
    apply: ([n]) => ({ everyMs: (n as number) * 60_000 }),
  },
  everyHours: { valid: ([n]) => isCount(n), apply: ([n]) => ({ everyMs: (n as number) * HOUR }) },
  everyDays: { valid: ([n]) => isCount(n), apply: ([n]) => ({ everyDays: n as number }) },
  everyWeeks: { valid: ([n]) => isCount(n), apply: ([n]) => ({ everyWeeks: n as number }) },
  atHour: { valid: ([h]) => inRange(h, 0, 23), apply: ([h]) => ({ hour: h as number }) },
  nearMinute: { valid: ([m]) => inRange(m, 0, 59), apply: ([m]) => ({ nearMinute: m as number }) },
  onWeekDay: { valid: ([d]) => isEnumOf(d, WeekDay), apply: ([d]) => ({ weekDay: weekDayNumber(d) }) },
  onMonthDay: { valid: ([d]) => inRange(d, 1, 31), apply: ([d]) => ({ monthDay: d as number }) },
  after: {
    valid: ([ms]) => typeof ms === 'number' && ms >= 0,
    apply: ([ms], now) => ({ onceAt: now + Math.ceil(ms as number) }),
  },
  at: { valid: ([d]) => isDateValue(d), apply: ([d]) => ({ onceAt: (d as Date).getTime() }) },
  atDate: {
    valid: ([y, m, d]) => isCount(y) && inRange(m, 1, 12) && inRange(d, 1, 31),
    apply: ([y, m, d]) => ({ atDate: { year: y as number, month: m as number, day: d as number } }),
  },
};

export function createClockTriggerBuilder(
  exec: Execution,
  core: EmulatorCore,
  handler: string,
  install: (record: Omit<TriggerRecord, 'uid' | 'nextFireAt'>) => object,
): object {
  const state: BuilderState = {};
  const members: Record<string, unknown> = {};
  for (const [method, setter] of Object.entries(SETTERS)) {
    members[method] = (...args: Args) => {
      if (!setter.valid(args)) throw invalidArguments(exec, method, args);
      Object.assign(state, setter.apply(args, exec.now()));
      return builder;
    };
  }
  members.inTimezone = (timeZone: unknown) => {
    expectArgs(exec, `${NAME}.inTimezone`, [timeZone], typeof timeZone === 'string');
    if (!isValidTimeZone(timeZone)) throw exec.exception(`Invalid argument: timezone (${timeZone})`);
    state.timeZone = timeZone;
    return builder;
  };
  members.create = () => {
    exec.requireScope(['script.scriptapp'], `${NAME}.create`);
    exec.call(`${NAME}.create`);
    const documentId = exec.documentId;
    if (!documentId) throw exec.exception('Add-on triggers can only be created for the document the add-on runs in.');
    const timeZone = state.timeZone ?? core.deployment.manifest.timeZone;
    const schedule = buildSchedule(exec, core, state, timeZone);
    return install({ owner: exec.user, documentId, handler, schedule, timeZone, createdAt: exec.now() });
  };
  const builder: object = strictObject(exec, NAME, members);
  return builder;
}

/** Numbers out of range get an invalid-argument error; values of the wrong type the signature error. */
function invalidArguments(exec: Execution, method: string, args: Args): Error {
  if (args.length > 0 && args.every((a) => typeof a === 'number')) {
    return exec.exception(`Invalid argument for ${NAME}.${method}: ${args.join(', ')}`);
  }
  return signatureError(exec, `${NAME}.${method}`, args);
}

function buildSchedule(exec: Execution, core: EmulatorCore, state: BuilderState, timeZone: string): Schedule {
  const frequencies = [
    state.everyMs,
    state.onceAt,
    state.atDate,
    state.everyDays,
    state.everyWeeks ?? state.weekDay,
    state.monthDay,
  ].filter((f) => f !== undefined);
  if (frequencies.length === 0) throw exec.exception('A frequency is required to create a time-based trigger.');
  if (frequencies.length > 1) throw exec.exception('A time-based trigger can only have one frequency.');
  const hasTimeOfDay = state.hour !== undefined || state.nearMinute !== undefined;
  if (state.onceAt !== undefined || state.everyMs !== undefined) {
    if (hasTimeOfDay) throw exec.exception('Frequency is required if you are using atHour() or nearMinute().');
    if (state.onceAt !== undefined) return { kind: 'once', at: state.onceAt };
    const everyMs = state.everyMs as number;
    return { kind: 'interval', everyMs, anchor: exec.now() + Math.floor(core.random.next() * everyMs) };
  }
  // Google fires "near" the requested time: a fixed random minute within the hour, or ±15 min around nearMinute.
  const time = {
    hour: state.hour ?? core.random.int(0, 23),
    offsetMinutes:
      state.nearMinute !== undefined ? state.nearMinute + core.random.int(-15, 15) : core.random.int(0, 59),
  };
  const today = localDayOf(exec.now(), timeZone);
  if (state.atDate) return atDateSchedule(state.atDate, core, timeZone);
  if (state.monthDay !== undefined) return { kind: 'monthly', monthDay: state.monthDay, ...time };
  if (state.everyDays !== undefined) return { kind: 'daily', everyDays: state.everyDays, anchorDay: today, ...time };
  const weekDay = state.weekDay ?? weekDayOf(today);
  return { kind: 'weekly', everyWeeks: state.everyWeeks ?? 1, weekDay, anchorMonday: mondayOf(today), ...time };
}

/** atDate fires once near midnight (±15 min) of that local date. */
function atDateSchedule(
  date: { year: number; month: number; day: number },
  core: EmulatorCore,
  timeZone: string,
): Schedule {
  return { kind: 'once', at: zonedToEpoch(date, timeZone) + core.random.int(-15, 15) * 60_000 };
}
