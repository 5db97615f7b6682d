// Through the built bundle: the confidential-data guard at connect time, on each import, and before any fetch.
import type { ImportDefinition, KeyStatus, RunRecord, SidebarState } from '../../src/shared/types';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import {
  book,
  connect,
  createHarness,
  FULL_KEY,
  lastOf,
  requisitionImport,
  runToEnd,
  saveImport,
  sheetIds,
} from './import-support';

const NEW_KEY_ADVICE = /Super Admin must create a new key with 'Allow access to confidential data' turned on/;
const INCLUDE = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;

function importNotice(h: ReturnType<typeof createHarness>, definition: ImportDefinition) {
  const state = h.call<SidebarState>('getSidebarState');
  return state.imports.find((status) => status.definition.id === definition.id)?.confidential;
}

describe('a key without confidential access', () => {
  it('is shown as invisible-to-key at connect time and in the sidebar state, never with the key', () => {
    const h = createHarness({ requisitions: 30, opportunities: 20, readings: { confidentialDenial: 'forbidden' } });
    const status = h.call<KeyStatus>('saveApiKey', [NO_CONFIDENTIAL_KEY, 'production']);
    expect(status.confidential?.state).toBe('invisible-to-key');
    expect(status.confidential?.message).toMatch(NEW_KEY_ADVICE);
    const sidebar = h.call<SidebarState>('getSidebarState');
    expect(sidebar.key.confidential?.state).toBe('invisible-to-key');
    expect(JSON.stringify(sidebar)).not.toContain(NO_CONFIDENTIAL_KEY);
  });

  it('marks every import invisible-to-key, and one that asks for confidential records fails before fetching', () => {
    const h = createHarness({ requisitions: 30, opportunities: 20, readings: { confidentialDenial: 'forbidden' } });
    connect(h, NO_CONFIDENTIAL_KEY);
    const plain = saveImport(h, requisitionImport());
    const asking = saveImport(h, requisitionImport({ name: 'All reqs', sheetName: 'All', filters: INCLUDE }));
    expect(importNotice(h, plain)?.state).toBe('invisible-to-key');
    expect(importNotice(h, asking)?.state).toBe('invisible-to-key');
    expect(importNotice(h, asking)?.message).toMatch(/stops before fetching/);

    const requestsBefore = h.sim.requests.length;
    const run = lastOf(runToEnd(h, asking.id));
    expect(run).toMatchObject({ status: 'failed', errorCode: 'LEVER_FORBIDDEN' });
    expect(run.message).toMatch(/confidential requisitions/);
    expect(run.message).toMatch(NEW_KEY_ADVICE);
    expect(run.message).not.toMatch(/403/);
    const fetched = h.sim.requests.slice(requestsBefore).filter((entry) => entry.path === '/v1/requisitions');
    expect(fetched).toEqual([]);
    expect(
      book(h)
        .sheetNames()
        .some((name) => name.startsWith('_lever_staging_')),
    ).toBe(false);
  });

  it('still imports the non-confidential records when the import leaves confidential ones out', () => {
    const h = createHarness({ requisitions: 30, opportunities: 20, readings: { confidentialDenial: 'forbidden' } });
    connect(h, NO_CONFIDENTIAL_KEY);
    const plain = saveImport(h, requisitionImport());
    const run = lastOf(runToEnd(h, plain.id));
    expect(run.status).toBe('succeeded');
    expect(new Set(sheetIds(h, 'Requisitions'))).toEqual(new Set(h.sim.query('requisitions', {})));
  });
});

describe('a key with confidential access', () => {
  it('shows included at connect time and on an import that includes confidential records, which then has them', () => {
    const h = createHarness({ requisitions: 30, opportunities: 20, readings: { confidentialDenial: 'forbidden' } });
    const status = h.call<KeyStatus>('saveApiKey', [FULL_KEY, 'production']);
    expect(status.confidential?.state).toBe('included');
    const asking = saveImport(h, requisitionImport({ filters: INCLUDE }));
    const plain = saveImport(h, requisitionImport({ name: 'Public reqs', sheetName: 'Public' }));
    expect(importNotice(h, asking)?.state).toBe('included');
    expect(importNotice(h, plain)?.state).toBe('excluded-by-choice');

    const run: RunRecord = lastOf(runToEnd(h, asking.id));
    expect(run.status).toBe('succeeded');
    const all = h.sim.query('requisitions', { confidentiality: 'all' });
    const confidential = h.sim.query('requisitions', { confidentiality: 'confidential' });
    expect(confidential.length).toBeGreaterThan(0);
    expect(new Set(sheetIds(h, 'Requisitions'))).toEqual(new Set(all));
  });
});
