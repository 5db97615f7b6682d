// Strict service objects: any member the emulator does not implement throws instead of quietly being undefined.
import { isDate, type ServiceContext, unsupported } from '../context';

/** Property names that JavaScript machinery and test printers probe on any object; reading them must not throw. */
const PROBED_NAMES = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof', 'constructor', 'inspect']);

/**
 * Wraps `members` so reading any other string property throws `Unsupported in the emulator: <typeName>.<prop>`.
 * Symbols and the probed names above read as undefined, like on an ordinary object.
 */
export function strictObject<T extends object>(ctx: ServiceContext, typeName: string, members: T): T {
  return new Proxy(members, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target) return Reflect.get(target, prop, receiver);
      if (PROBED_NAMES.has(prop)) return undefined;
      return unsupported(ctx, `${typeName}.${prop}`);
    },
    set(_target, prop) {
      throw ctx.exception(`Cannot set ${String(prop)} on ${typeName}`);
    },
  });
}

/** An Apps Script enum value: an object that prints as its name. Shared by all executions so `===` holds. */
export interface EnumValue {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

export function makeEnum<K extends string>(typeName: string, names: readonly K[]): Readonly<Record<K, EnumValue>> {
  const result = {} as Record<K, EnumValue>;
  for (const name of names) {
    result[name] = Object.freeze({ name, toString: () => name, toJSON: () => name, [Symbol.toStringTag]: typeName });
  }
  return Object.freeze(result);
}

export function isEnumOf(value: unknown, enumObject: Readonly<Record<string, EnumValue>>): value is EnumValue {
  return Object.values(enumObject).includes(value as EnumValue);
}

/** Google's type name of a value in signature errors. */
function typeNameOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (Array.isArray(value)) return `${value.length > 0 ? typeNameOf(value[0]) : 'Object'}[]`;
  if (typeof value === 'function') return 'Function';
  const tag = (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  return typeof tag === 'string' ? tag : 'Object';
}

/** `The parameters (String,Number) don't match the method signature for <method>.` */
export function signatureError(ctx: ServiceContext, method: string, args: readonly unknown[]): Error {
  const types = args.map(typeNameOf).join(',');
  return ctx.exception(`The parameters (${types}) don't match the method signature for ${method}.`);
}

/** Throws the signature error unless `check` holds. */
export function expectArgs(ctx: ServiceContext, method: string, args: readonly unknown[], check: boolean): void {
  if (!check) throw signatureError(ctx, method, args);
}
