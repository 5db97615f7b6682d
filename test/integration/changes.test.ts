// Through the built bundle: change tracking logs exactly what Lever changed between refreshes, and nothing else.
import type { ImportDefinition, RunRecord, SidebarState } from '../../src/shared/types';
import type { Requisition } from '../../tools/lever-sim';
import type { Harness } from '../support/harness';
import {
  book,
  connect,
  createHarness,
  lastOf,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheet,
} from './import-support';

const CHANGES_SHEET = 'Lever changes';
const CHANGES_HEADER = [
  'Refreshed at',
  'Import',
  'Object',
  'Lever ID',
  'Name',
  'Change',
  'Field',
  'Old value',
  'New value',
];

function refresh(h: Harness, definition: ImportDefinition): RunRecord {
  const run = lastOf(runToEnd(h, definition.id));
  expect(run.status).toBe('succeeded');
  return run;
}

function changeLog(h: Harness): unknown[][] {
  return sheet(h, CHANGES_SHEET).values();
}

function userName(h: Harness, id: string | undefined): string {
  return h.dataset.users.find((user) => user.id === id)?.name ?? id ?? '';
}

/** Requisitions the import sees (Lever's default: non-confidential), in the dataset. */
function visibleRequisitions(h: Harness): Requisition[] {
  const ids = new Set(h.sim.query('requisitions', {}));
  return h.dataset.requisitions.filter((requisition) => ids.has(requisition.id));
}

/** The scenario of the brief: status, headcount and hiring manager changed, one added, one removed. */
function changeLever(h: Harness) {
  const visible = visibleRequisitions(h);
  const edited = visible.find((r) => r.status !== 'closed' && typeof r.headcountTotal === 'number') as Requisition;
  const managed = visible.find((r) => r !== edited && r.hiringManager !== undefined) as Requisition;
  const gone = visible.find((r) => r !== edited && r !== managed) as Requisition;
  const before = {
    status: edited.status,
    headcount: String(edited.headcountTotal),
    manager: userName(h, managed.hiringManager),
  };
  const newManager = h.dataset.users.find((user) => user.name !== before.manager && user.deactivatedAt === null);
  edited.status = 'closed';
  edited.headcountTotal = Number(edited.headcountTotal) + 2;
  managed.hiringManager = newManager?.id;
  const list = h.dataset.requisitions;
  list.splice(list.indexOf(gone), 1);
  const added: Requisition = {
    ...edited,
    id: 'req-added-in-lever',
    requisitionCode: 'NEW-1',
    name: 'Added in Lever',
    status: 'open',
    createdAt: h.emu.clock.now() - 1000,
    postings: [],
  };
  list.push(added);
  return { edited, managed, gone, added, before, after: { manager: newManager?.name ?? '' } };
}

describe('change tracking of requisitions', () => {
  it('records a baseline, then exactly the changed fields (old → new), then nothing when nothing changed', () => {
    const h = createHarness({ requisitions: 40, opportunities: 20 });
    connect(h);
    const definition = saveImport(h, requisitionImport({ trackChanges: true }));
    const count = h.sim.query('requisitions', {}).length;

    const first = refresh(h, definition);
    expect(first.changeSummary).toBe(
      `Change tracking started with ${count} requisitions; changes will show from the next refresh.`,
    );
    expect(changeLog(h)).toEqual([
      CHANGES_HEADER,
      [expect.any(Date), 'Requisitions', 'requisition', '', '', 'tracking started', '', '', `${count} requisitions`],
    ]);

    const change = changeLever(h);
    h.emu.clock.advance(3_600_000);
    const second = refresh(h, definition);
    expect(second.changeSummary).toBe(
      '1 new, 1 closed, headcount changed on 1, hiring manager changed on 1, 1 removed',
    );
    const rows = changeLog(h).slice(2);
    const row = (id: string, name: string, kind: string, field = '', oldValue = '', newValue = '') => [
      expect.any(Date),
      'Requisitions',
      'requisition',
      id,
      name,
      kind,
      field,
      oldValue,
      newValue,
    ];
    expect(rows).toEqual([
      row(change.added.id, 'Added in Lever', 'added'),
      ...[
        row(change.edited.id, change.edited.name, 'changed', 'Status', change.before.status, 'closed'),
        row(
          change.edited.id,
          change.edited.name,
          'changed',
          'Headcount total',
          change.before.headcount,
          String(change.edited.headcountTotal),
        ),
        row(
          change.managed.id,
          change.managed.name,
          'changed',
          'Hiring manager',
          change.before.manager,
          change.after.manager,
        ),
      ].sort((a, b) => rowOrder(h, a[3] as string) - rowOrder(h, b[3] as string)),
      row(change.gone.id, change.gone.name, 'removed'),
    ]);
    const refreshedAt = rows[0][0] as Date;
    expect(rows.every((r) => (r[0] as Date).getTime() === refreshedAt.getTime())).toBe(true);
    expect(refreshedAt.getTime()).toBeGreaterThanOrEqual(h.emu.clock.now() - 600_000);

    h.emu.clock.advance(3_600_000);
    const third = refresh(h, definition);
    expect(third.changeSummary).toBe('No changes since the last refresh.');
    expect(changeLog(h)).toHaveLength(2 + rows.length);
  });

  it('tracks fields the import does not show, keeps the snapshot hidden and out of the target sheet', () => {
    const h = createHarness({ requisitions: 30, opportunities: 20 });
    connect(h);
    const definition = saveImport(h, requisitionImport({ trackChanges: true, columns: ['name', 'createdAt'] }));
    refresh(h, definition);
    const target = visibleRequisitions(h).find((r) => r.hiringManager !== undefined) as Requisition;
    const oldManager = userName(h, target.hiringManager);
    const newManager = h.dataset.users.find((user) => user.name !== oldManager) as { id: string; name: string };
    target.hiringManager = newManager.id;

    const run = refresh(h, definition);
    expect(run.changeSummary).toBe('hiring manager changed on 1');
    expect(
      changeLog(h)
        .slice(2)
        .map((r) => r.slice(3)),
    ).toEqual([[target.id, target.name, 'changed', 'Hiring manager', oldManager, newManager.name]]);
    expect(sheet(h, 'Requisitions').values()[0]).toEqual(['Lever ID', 'Name', 'Created']);
    const snapshotName = `_lever_snapshot_${definition.id}`;
    expect(book(h).sheet(snapshotName).hidden()).toBe(true);
    expect(h.call<SidebarState>('getSidebarState').sheetNames).not.toContain(snapshotName);
  });

  it('leaves imports without tracking alone: no changes sheet, no snapshot, no summary', () => {
    const h = createHarness({ requisitions: 20, opportunities: 20 });
    connect(h);
    const definition = saveImport(h, requisitionImport());
    const run = refresh(h, definition);
    expect(run.changeSummary).toBeUndefined();
    const names = h.call<SidebarState>('getSidebarState').sheetNames;
    expect(names).not.toContain(CHANGES_SHEET);
    expect(
      book(h)
        .sheetNames()
        .some((name) => name.startsWith('_lever_snapshot_')),
    ).toBe(false);
  });
});

describe('change tracking of opportunities', () => {
  it('summarises stage moves and archiving', () => {
    const h = createHarness({ requisitions: 10, opportunities: 60 });
    connect(h);
    const filters = { archived: 'include', snoozed: 'include', confidential: 'exclude' } as const;
    const definition = saveImport(h, opportunityImport({ trackChanges: true, filters }));
    refresh(h, definition);
    const ids = new Set(h.sim.query('opportunities', {}));
    const active = h.dataset.opportunities.filter((o) => ids.has(o.id) && o.archived === null);
    const [moved, archived] = active;
    const oldStage = h.dataset.stages.find((stage) => stage.id === moved.stage)?.text;
    const newStage = h.dataset.stages.find((stage) => stage.id !== moved.stage) as { id: string; text: string };
    moved.stage = newStage.id;
    const reason = h.dataset.archiveReasons[0];
    archived.archived = { archivedAt: h.emu.clock.now(), reason: reason.id };
    // As Lever does for both fields: the refresh reads only what changed.
    moved.updatedAt = h.emu.clock.now();
    archived.updatedAt = h.emu.clock.now();

    const run = refresh(h, definition);
    expect(run.changeSummary).toBe('1 moved stage, 1 archived');
    const logged = changeLog(h)
      .slice(2)
      .map((r) => r.slice(2));
    expect(logged).toEqual(
      expect.arrayContaining([
        ['opportunity', moved.id, moved.name, 'changed', 'Stage', oldStage, newStage.text],
        ['opportunity', archived.id, archived.name, 'changed', 'Archived', 'no', 'yes'],
        ['opportunity', archived.id, archived.name, 'changed', 'Archive reason', '', reason.text],
      ]),
    );
    expect(logged).toHaveLength(3);
  });
});

/** Changed rows follow the target sheet's order: newest created first, then by ID. */
function rowOrder(h: Harness, id: string): number {
  const sorted = [...h.dataset.requisitions].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  return sorted.findIndex((r) => r.id === id);
}
