// Building blocks for list filters: union of repeated values, inclusive time ranges, tri-states, confidentiality.

import { forbiddenConfidential } from './errors';
import type { QueryParams } from './params';
import type { ConfidentialDenialReading } from './readings';
import type { Confidentiality } from './types';

export type Predicate<T> = (record: T) => boolean;

/** A compiled list query: the created-at window (served by the sorted index) and the remaining predicates. */
export interface CompiledFilter<T> {
  createdFrom?: number;
  createdTo?: number;
  predicates: Predicate<T>[];
}

export function acceptsAll<T>(predicates: readonly Predicate<T>[], record: T): boolean {
  for (const predicate of predicates) if (!predicate(record)) return false;
  return true;
}

type Values = string | readonly string[] | null | undefined;

/** Repeated values of one parameter are a union: the record matches when any value matches. */
export function unionFilter<T>(
  params: QueryParams,
  name: string,
  read: (record: T) => Values,
  normalize: (value: string) => string = (value) => value,
): Predicate<T> | null {
  if (!params.has(name)) return null;
  const wanted = new Set(params.list(name).map(normalize));
  return (record) => {
    const value = read(record);
    if (value === null || value === undefined) return false;
    if (typeof value === 'string') return wanted.has(normalize(value));
    for (const item of value) if (wanted.has(normalize(item))) return true;
    return false;
  };
}

/** `<prefix>_start` and `<prefix>_end`, both inclusive; records without the timestamp never match. */
export function rangeFilter<T>(
  params: QueryParams,
  prefix: string,
  read: (record: T) => number | null | undefined,
): Predicate<T> | null {
  const start = params.timestamp(`${prefix}_start`);
  const end = params.timestamp(`${prefix}_end`);
  if (start === undefined && end === undefined) return null;
  const from = start ?? Number.NEGATIVE_INFINITY;
  const to = end ?? Number.POSITIVE_INFINITY;
  return (record) => {
    const value = read(record);
    return typeof value === 'number' && value >= from && value <= to;
  };
}

/** Unset: both; `true`: only records with the property; `false`: only records without it. */
export function triStateFilter<T>(
  params: QueryParams,
  name: string,
  test: (record: T) => boolean,
): Predicate<T> | null {
  const wanted = params.bool(name);
  if (wanted === undefined) return null;
  return (record) => test(record) === wanted;
}

const CONFIDENTIALITY = ['confidential', 'non-confidential', 'all'] as const;

/**
 * Unset means non-confidential only. Asking for confidential data without access is a 403 under the
 * `forbidden` reading, and under `silent` a 200 that leaves the confidential records out (unknowns 3).
 */
export function confidentialityFilter<T>(
  params: QueryParams,
  canSeeConfidential: boolean,
  read: (record: T) => Confidentiality | undefined,
  denial: ConfidentialDenialReading,
): Predicate<T> | null {
  const asked = params.oneOf('confidentiality', CONFIDENTIALITY) ?? 'non-confidential';
  if (asked !== 'non-confidential' && !canSeeConfidential && denial === 'forbidden') throw forbiddenConfidential();
  const visible = (record: T) => canSeeConfidential || read(record) !== 'confidential';
  if (asked === 'all') return canSeeConfidential ? null : visible;
  return (record) => visible(record) && (read(record) ?? 'non-confidential') === asked;
}

export function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}
