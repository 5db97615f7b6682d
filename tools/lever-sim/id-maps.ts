// Id → record maps over the dataset's arrays, built lazily and rebuilt only when the dataset's version changes.

import type { DatasetArrayName, DatasetWatch } from './dataset-watch';
import type {
  Application,
  ArchiveReason,
  Opportunity,
  Posting,
  Requisition,
  RequisitionField,
  Stage,
  User,
} from './types';

type WithId = { id: string };

export class IdMaps {
  private readonly maps = new Map<DatasetArrayName, { version: number; map: Map<string, WithId> }>();

  constructor(private readonly watch: DatasetWatch) {}

  opportunities(): ReadonlyMap<string, Opportunity> {
    return this.mapOf('opportunities') as Map<string, Opportunity>;
  }

  requisitions(): ReadonlyMap<string, Requisition> {
    return this.mapOf('requisitions') as Map<string, Requisition>;
  }

  users(): ReadonlyMap<string, User> {
    return this.mapOf('users') as Map<string, User>;
  }

  stages(): ReadonlyMap<string, Stage> {
    return this.mapOf('stages') as Map<string, Stage>;
  }

  postings(): ReadonlyMap<string, Posting> {
    return this.mapOf('postings') as Map<string, Posting>;
  }

  applications(): ReadonlyMap<string, Application> {
    return this.mapOf('applications') as Map<string, Application>;
  }

  archiveReasons(): ReadonlyMap<string, ArchiveReason> {
    return this.mapOf('archiveReasons') as Map<string, ArchiveReason>;
  }

  requisitionFields(): ReadonlyMap<string, RequisitionField> {
    return this.mapOf('requisitionFields') as Map<string, RequisitionField>;
  }

  private mapOf(name: DatasetArrayName): Map<string, WithId> {
    const version = this.watch.version();
    const cached = this.maps.get(name);
    if (cached && cached.version === version) return cached.map;
    const map = new Map<string, WithId>();
    for (const record of this.watch.raw(name) as WithId[])
      if (record && typeof record.id === 'string') map.set(record.id, record);
    this.maps.set(name, { version, map });
    return map;
  }
}
