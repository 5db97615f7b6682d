// Lookup tables kept between runs for a short while: stage or user names rarely change, and each costs a request.
//
// The cache is the running user's own, and its keys carry the Lever environment, whether the key reads
// confidential data, and when the key was checked (a new key is a new check): a table is only ever read back by
// the user and key that fetched it. Nothing stored contains the key.
import type { CachePort } from '../ports/cache';
import type { LookupName, LookupTables } from './source';

/** Short enough that a renamed stage shows within the hour and a half; long enough for an hourly refresh. */
export const LOOKUP_CACHE_SECONDS = 90 * 60;
const VERSION = 'v1';

export class LookupCache {
  constructor(
    private readonly cache: CachePort,
    /** Environment, confidential access and key check time: what makes a table this key's. */
    private readonly scope: string,
  ) {}

  /** The tables the cache still holds, of those asked for. */
  load(names: readonly LookupName[]): Partial<LookupTables> {
    const tables: Partial<Record<LookupName, LookupTables[LookupName]>> = {};
    for (const name of names) {
      const table = this.read(name);
      if (table) tables[name] = table;
    }
    return tables as Partial<LookupTables>;
  }

  /** Keeps tables fetched in full. */
  save(tables: Partial<LookupTables>): void {
    for (const [name, table] of Object.entries(tables)) {
      if (table) this.cache.put(this.keyOf(name as LookupName), JSON.stringify(table), LOOKUP_CACHE_SECONDS);
    }
  }

  private read(name: LookupName): LookupTables[LookupName] | null {
    const text = this.cache.get(this.keyOf(name));
    if (text === null) return null;
    try {
      const table = JSON.parse(text) as unknown;
      return table && typeof table === 'object' ? (table as LookupTables[LookupName]) : null;
    } catch (_error) {
      return null;
    }
  }

  private keyOf(name: LookupName): string {
    return `lever.lookups.${VERSION}.${this.scope}.${name}`;
  }
}
