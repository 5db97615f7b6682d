// What change tracking compares: each record's tracked fields as display text (pure types).

/** One record as change tracking sees it: its tracked fields as display text. */
export interface TrackedRecord {
  id: string;
  name: string;
  values: Record<string, string>;
}

/** The tracked fields present (in order) and one entry per record. */
export interface TrackedState {
  fields: string[];
  records: TrackedRecord[];
}
