// What the fake server knows about "Lever": its keys, columns, record values (editable by tests) and change tracking.
import { keyConfidentialNotice } from '../../../src/confidential/guard';
import type { ColumnInfo, ImportObject, KeyStatus, LeverEndpoint, LeverEnvironment } from '../../../src/shared/types';
import { LEVER_ENDPOINTS } from '../../../src/shared/types';

export const FAKE_GOOD_KEY = 'fake-good-key-9f3a';
export const FAKE_OPPS_ONLY_KEY = 'fake-opps-only-key-7c21';
export const FAKE_NO_CONFIDENTIAL_KEY = 'fake-no-confidential-key-5d08';
/** Lever returned no confidential record to the key check: its access cannot be told yet. */
export const FAKE_CANNOT_TELL_KEY = 'fake-cannot-tell-key-3e61';

export const COLUMNS: Record<ImportObject, ColumnInfo[]> = {
  opportunities: [
    { key: 'id', label: 'Opportunity ID', type: 'text', inDefault: true },
    { key: 'name', label: 'Candidate', type: 'text', inDefault: true },
    { key: 'stage', label: 'Stage', type: 'text', inDefault: true },
    { key: 'createdAt', label: 'Created', type: 'date', inDefault: true },
    { key: 'owner', label: 'Owner', type: 'text', inDefault: false },
    { key: 'tags', label: 'Tags', type: 'text', inDefault: false },
  ],
  requisitions: [
    { key: 'id', label: 'Requisition ID', type: 'text', inDefault: true },
    { key: 'name', label: 'Title', type: 'text', inDefault: true },
    { key: 'status', label: 'Status', type: 'text', inDefault: true },
    { key: 'headcountTotal', label: 'Headcount', type: 'number', inDefault: false },
  ],
};

const KEYS: Record<string, { readable: readonly LeverEndpoint[]; confidential: boolean | 'unknown'; offers?: false }> =
  {
    [FAKE_GOOD_KEY]: { readable: LEVER_ENDPOINTS, confidential: true },
    [FAKE_OPPS_ONLY_KEY]: { readable: ['opportunities', 'stages'], confidential: false, offers: false },
    [FAKE_NO_CONFIDENTIAL_KEY]: { readable: LEVER_ENDPOINTS, confidential: false },
    [FAKE_CANNOT_TELL_KEY]: { readable: LEVER_ENDPOINTS, confidential: 'unknown' },
  };

/** The status the real server returns for a key it accepted: masked, with its remarks and confidential notice. */
export function fakeKeyStatus(key: string, environment: LeverEnvironment | undefined): KeyStatus | null {
  const known = KEYS[key];
  if (!known) return null;
  const permissions = Object.fromEntries(LEVER_ENDPOINTS.map((e) => [e, known.readable.includes(e)])) as Record<
    LeverEndpoint,
    boolean
  >;
  const status: KeyStatus = {
    saved: true,
    environment,
    last4: key.slice(-4),
    checkedAt: '2026-01-05T14:00:00.000Z',
    permissions,
    confidentialAccess: known.confidential,
    offersAccess: known.offers ?? true,
  };
  const missing = LEVER_ENDPOINTS.filter((e) => !permissions[e]).map((e) => e.replace(/_/g, ' '));
  // Like the real server: the remark names missing endpoints; confidential access has its own notice.
  if (missing.length > 0) status.message = `This key cannot read ${missing.join(', ')}.`;
  return { ...status, confidential: keyConfidentialNotice(status) };
}

/** Record values as Lever holds them: "<column> <n>" unless a test edited one. */
export class FakeLever {
  private readonly edits = new Map<string, string>();

  /** Changes one field of the record at `index` (0-based) of every import's result. */
  edit(column: string, index: number, value: string): void {
    this.edits.set(`${column}#${index}`, value);
  }

  cell(column: string, index: number): string {
    return this.edits.get(`${column}#${index}`) ?? `${column} ${index + 1}`;
  }

  /** Every column of the object for `count` records, keyed by the id column, as the tracker compares them. */
  records(object: ImportObject, count: number): Map<string, string> {
    const keys = COLUMNS[object].map((column) => column.key);
    return new Map(
      Array.from({ length: count }, (_, i) => [this.cell('id', i), keys.map((key) => this.cell(key, i)).join('\t')]),
    );
  }
}

/** Per import, the records of the last tracked refresh, and the one-line summary of what changed since. */
export class FakeTracker {
  private readonly previous = new Map<string, Map<string, string>>();

  summarise(importId: string, current: Map<string, string>): string {
    const before = this.previous.get(importId);
    this.previous.set(importId, current);
    if (!before)
      return `Change tracking started with ${current.size} records; changes will show from the next refresh.`;
    const added = [...current.keys()].filter((id) => !before.has(id)).length;
    const removed = [...before.keys()].filter((id) => !current.has(id)).length;
    const changed = [...current].filter(([id, values]) => before.has(id) && before.get(id) !== values).length;
    const parts = [
      added ? `${added} new` : '',
      changed ? `fields changed on ${changed}` : '',
      removed ? `${removed} removed` : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : 'No changes since the last refresh.';
  }
}
