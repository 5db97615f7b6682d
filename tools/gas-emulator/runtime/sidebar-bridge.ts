// google.script.run's rules: which arguments may cross to the server and what a return value becomes on the way back.

/** The path of the first value the bridge refuses (Date, function, symbol, bigint, class instance, cycle), or null. */
export function illegalValuePath(value: unknown, path: string, seen = new Set<object>()): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return path;
  const object = value as object;
  if (seen.has(object)) return path;
  const proto = Object.getPrototypeOf(object);
  const isArray = Array.isArray(object);
  if (!isArray && proto !== null && Object.getPrototypeOf(proto) !== null) return path; // Date, Map, class instances
  seen.add(object);
  for (const [key, item] of Object.entries(object)) {
    const found = illegalValuePath(item, key, seen);
    if (found !== null) return found;
  }
  seen.delete(object);
  return null;
}

/** Checks every argument; returns the client-side error message, or null when all may be sent. */
export function checkSidebarArgs(args: readonly unknown[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const path = illegalValuePath(args[i], String(i));
    if (path !== null) return `Failed due to illegal value in property: ${path}`;
  }
  return null;
}

/** The server receives a copy: JSON semantics, so undefined inside arrays becomes null and NaN becomes null. */
export function copyArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg) => (arg === undefined ? null : JSON.parse(JSON.stringify(arg))));
}

/**
 * What the sidebar receives: a JSON copy of the return value. A return value holding a Date, function or other
 * illegal value arrives as null as a whole, which is what breaks sidebars that return Dates in Google.
 */
export function returnedToSidebar(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (illegalValuePath(value, '') !== null) return null;
  return JSON.parse(JSON.stringify(value));
}
