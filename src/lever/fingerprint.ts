// A short, stable fingerprint of a list query, so saved progress is never resumed against a different query.
import { fingerprint } from '../base/fingerprint';
import type { ListQuery } from './source';

/** Equal for equal queries whatever the order of their keys (see import/fingerprint). */
export function fingerprintQuery(query: ListQuery): string {
  return fingerprint({
    object: query.object,
    params: query.params,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    statusIn: query.statusIn,
  });
}
