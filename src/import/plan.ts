// What a definition means for one run: the column specs, the Lever query, and the fingerprint binding a checkpoint to them.

import { fingerprint } from '../base/fingerprint';
import type { ListQuery } from '../lever/source';
import type { ImportDefinition } from '../shared/types';
import type { ColumnSpec } from './column-values';
import { needsExpandedApplications, resolveColumns } from './columns';
import { buildListQuery } from './filters';
import { snoozeSpecs } from './incremental-snooze';
import type { ZoneOffsetAt } from './local-days';
import { trackingSpecs } from './tracked-changes';

/** Labels of the staging sheet's hidden key columns (see StagedRow). */
export const STAGING_KEY_HEADER = ['Lever ID (key)', 'Created (sort key)'];

export interface ImportPlan {
  specs: ColumnSpec[];
  /**
   * The columns staged: `specs`, then those change tracking reads that the import does not show, then the snooze
   * end that imports with a snoozed filter apply locally (incremental-snooze.ts).
   */
  stagedSpecs: ColumnSpec[];
  query: ListQuery;
  /** Changes whenever the staged rows would differ: object, environment, query or columns. */
  fingerprint: string;
  /** Header of the staging sheet: the key columns, then one per column key. */
  stagingHeader: string[];
}

export function planImport(definition: ImportDefinition, offsetAt: ZoneOffsetAt): ImportPlan {
  const specs = resolveColumns(definition.object, definition.columns);
  const query = buildListQuery(
    { object: definition.object, filters: definition.filters, expandApplications: needsExpandedApplications(specs) },
    offsetAt,
  );
  const stagedSpecs = [...specs, ...trackingSpecs(definition, specs), ...snoozeSpecs(definition)];
  const keys = stagedSpecs.map((spec) => spec.key);
  return {
    specs,
    stagedSpecs,
    query,
    fingerprint: fingerprint({ object: definition.object, environment: definition.environment, query, keys }),
    stagingHeader: [...STAGING_KEY_HEADER, ...keys],
  };
}
