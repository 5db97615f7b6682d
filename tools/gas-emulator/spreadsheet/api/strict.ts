// Turns a plain class into an Apps Script service class: every call is counted and charged, scope-checked,
// model errors surface as Exceptions of the execution's realm, and unknown members throw "Unsupported".
import type { ServiceContext } from '../../context';
import { SheetError } from '../errors';
import type { SpreadsheetStore } from '../store';

export interface ApiEnv {
  readonly store: SpreadsheetStore;
  readonly ctx: ServiceContext;
}

export interface ApiObject {
  readonly _env: ApiEnv;
}

export const SHEET_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/spreadsheets',
] as const;

export interface ApiSpec<T extends ApiObject> {
  /** 'Range', 'Sheet'…, or '' for SpreadsheetApp itself. */
  type: string;
  /** Methods answered from the object itself (no document round trip): charged as 'other', not 'sheet'. */
  local?: readonly string[];
  /** Methods (or true: all) that need no spreadsheet scope: menus work even in AuthMode.NONE. */
  unscoped?: boolean | readonly string[];
  /** Cells a call reads or writes, for the cost model. */
  cells?: (self: T, method: string, args: unknown[]) => number;
  /** Runs before each method (e.g. refuses a deleted sheet). */
  guard?: (self: T, method: string) => void;
}

// Names JavaScript machinery and test printers probe on any object: reading them must not throw.
// Only names shaped like Apps Script members throw; '@@__IMMUTABLE…', '_isMock…' and the like read as undefined.
const METHOD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
  'constructor',
  'inspect',
  'tagName',
]);

export function qualified(type: string, method: string): string {
  return type === '' ? `SpreadsheetApp.${method}` : `SpreadsheetApp.${type}.${method}`;
}

function wrapMethod<T extends ApiObject>(spec: ApiSpec<T>, name: string, fn: (...args: unknown[]) => unknown) {
  const fullName = qualified(spec.type, name);
  const kind = spec.local?.includes(name) ? 'other' : 'sheet';
  const scoped = spec.unscoped === true ? false : !(spec.unscoped || []).includes(name);
  return function (this: T, ...args: unknown[]): unknown {
    const ctx = this._env.ctx;
    ctx.call(fullName, { kind, cells: spec.cells ? spec.cells(this, name, args) : 0 });
    if (scoped) ctx.requireScope(SHEET_SCOPES, fullName);
    try {
      spec.guard?.(this, name);
      return fn.apply(this, args);
    } catch (error) {
      if (error instanceof SheetError) throw ctx.exception(error.message);
      throw error;
    }
  };
}

/** A prototype parent that throws for members the emulator does not implement. */
function strictParent(type: string): object {
  return new Proxy(Object.prototype, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop in target || PROBED.has(prop) || !METHOD_NAME.test(prop)) {
        return Reflect.get(target, prop, receiver);
      }
      const ctx = (receiver as Partial<ApiObject>)._env?.ctx;
      const message = `Unsupported in the emulator: ${qualified(type, prop)}`;
      throw ctx ? ctx.exception(message) : new SheetError(message);
    },
  });
}

/** Wraps every public method of `cls` (names not starting with '_') and installs the strict fallback. */
export function defineApi<T extends ApiObject>(cls: { prototype: T }, spec: ApiSpec<T>): void {
  const proto = cls.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const member = proto[name];
    if (name === 'constructor' || name.startsWith('_') || typeof member !== 'function') continue;
    proto[name] = wrapMethod(spec, name, member as (...args: unknown[]) => unknown);
  }
  const typeName = spec.type === '' ? 'SpreadsheetApp' : spec.type;
  Object.defineProperty(proto, 'toString', { value: () => typeName, enumerable: false });
  Object.setPrototypeOf(proto, strictParent(spec.type));
}
