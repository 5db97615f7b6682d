// A fresh V8 realm per execution: JavaScript builtins only, a Date that reads the virtual clock, realm-local errors.
import { types } from 'node:util';
import vm from 'node:vm';

export interface Realm {
  readonly context: vm.Context;
  /** An `Error` from the realm, named 'Exception' like Apps Script service errors. */
  exception(message: string): Error;
  makeDate(ms: number): Date;
  /** Deep-copies plain data (arrays, plain objects, Dates) into realm objects so `instanceof` works in the bundle. */
  toRealm<T>(value: T): T;
  /** Defines a global (non-enumerable, like Apps Script's service globals). */
  defineGlobal(name: string, value: unknown): void;
}

interface Intrinsics {
  Error: ErrorConstructor;
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

// Runs inside the realm: replaces Date with a wrapper whose "now" is the virtual clock. `new Date(ms)`,
// Date.UTC, Date.parse and subclassing keep working, and every Date is still an instance of the realm's Date.
const VIRTUAL_DATE_SOURCE = `(function (virtualNow) {
  const RealDate = globalThis.Date;
  function Date(...args) {
    if (new.target === undefined) return new RealDate(virtualNow()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [virtualNow()] : args, new.target);
  }
  Object.defineProperty(Date, 'prototype', { value: RealDate.prototype, writable: false });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date, writable: true, configurable: true });
  Date.now = function now() { return virtualNow(); };
  Date.UTC = RealDate.UTC;
  Date.parse = RealDate.parse;
  Object.defineProperty(globalThis, 'Date', { value: Date, writable: true, configurable: true, enumerable: false });
  return { Error, Date, Array, Object };
})`;

const script = new vm.Script(VIRTUAL_DATE_SOURCE, { filename: 'gas-emulator-realm.js' });

// Runs inside the realm when intlZones is 'absent' (unknowns 9): Intl as in a V8 built without ICU zone data.
// A timeZone other than UTC makes Intl.DateTimeFormat and Date's toLocale*String throw V8's RangeError.
const NO_ZONE_DATA_SOURCE = `(function () {
  const RealFormat = Intl.DateTimeFormat;
  const utc = new Set(['UTC', 'ETC/UTC']);
  function check(options) {
    const zone = options === undefined || options === null ? undefined : options.timeZone;
    if (zone === undefined) return;
    const name = String(zone);
    if (!utc.has(name.toUpperCase())) throw new RangeError('Invalid time zone specified: ' + name);
  }
  function DateTimeFormat(locales, options) {
    check(options);
    return Reflect.construct(RealFormat, [locales, options], new.target === undefined ? RealFormat : new.target);
  }
  Object.defineProperty(DateTimeFormat, 'prototype', { value: RealFormat.prototype, writable: false });
  DateTimeFormat.supportedLocalesOf = RealFormat.supportedLocalesOf;
  Object.defineProperty(Intl, 'DateTimeFormat', { value: DateTimeFormat, writable: true, configurable: true, enumerable: false });
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const real = Date.prototype[name];
    Object.defineProperty(Date.prototype, name, {
      value: { [name](locales, options) { check(options); return real.call(this, locales, options); } }[name],
      writable: true, configurable: true, enumerable: false,
    });
  }
})`;

const noZoneData = new vm.Script(NO_ZONE_DATA_SOURCE, { filename: 'gas-emulator-intl.js' });

export interface RealmOptions {
  /** Whether Intl knows IANA time zones (GasReadings.intlZones). */
  intlZones?: 'present' | 'absent';
}

export function createRealm(now: () => number, options: RealmOptions = {}): Realm {
  // Microtasks run at the end of each evaluation: promise callbacks finish inside the execution, as in Apps Script.
  const context = vm.createContext(
    {},
    { name: 'Apps Script execution', codeGeneration: { strings: true, wasm: false }, microtaskMode: 'afterEvaluate' },
  );
  // V8's own console writes nowhere useful; the emulator installs a capturing one.
  vm.runInContext('delete globalThis.console', context);
  const install = script.runInContext(context) as (virtualNow: () => number) => Intrinsics;
  const intrinsics = install(() => now());
  if (options.intlZones === 'absent') (noZoneData.runInContext(context) as () => void)();
  const realm: Realm = {
    context,
    exception(message) {
      const error = new intrinsics.Error(message);
      error.name = 'Exception';
      return error;
    },
    makeDate: (ms) => new intrinsics.Date(ms),
    toRealm: (value) => copyIntoRealm(value, intrinsics, new Map()) as typeof value,
    defineGlobal(name, value) {
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    },
  };
  return realm;
}

function copyIntoRealm(value: unknown, intrinsics: Intrinsics, seen: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Service objects and enum values keep their identity.
  if (types.isProxy(value) || Object.isFrozen(value)) return value;
  if (seen.has(value)) return seen.get(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return new intrinsics.Date((value as Date).getTime());
  if (Array.isArray(value)) {
    const copy = new intrinsics.Array();
    seen.set(value, copy);
    for (const item of value) copy.push(copyIntoRealm(item, intrinsics, seen));
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // realm objects and class instances stay as they are
  const copy = new intrinsics.Object() as Record<string, unknown>;
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = copyIntoRealm(item, intrinsics, seen);
  return copy;
}
