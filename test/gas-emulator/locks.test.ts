// LockService between overlapping executions: a fetch handler starts a second execution while the first holds a lock.
import type { GasEmulator } from '../../tools/gas-emulator';
import { ANA, API, BEN, emulator, START } from './helpers';

const BUNDLE = `
  function holdDuringFetch() {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(1000)) return 'busy';
    try { UrlFetchApp.fetch('${API}slow'); return 'done:' + lock.hasLock(); } finally { lock.releaseLock(); }
  }
  function holdAndForget() { LockService.getDocumentLock().waitLock(1000); UrlFetchApp.fetch('${API}slow'); }
  function tryDocumentLock(waitMs) { const lock = LockService.getDocumentLock(); return [lock.tryLock(waitMs), lock.hasLock()]; }
  function waitDocumentLock() { LockService.getDocumentLock().waitLock(2000); return 'got it'; }
  function tryUserLock() { return LockService.getUserLock().tryLock(0); }
  function tryScriptLock(waitMs) { return LockService.getScriptLock().tryLock(waitMs); }
  function noDocumentLock() { return LockService.getDocumentLock(); }`;

/** The fetch handler runs `inner` (a second execution) while the first is paused inside UrlFetchApp.fetch. */
function overlapping(inner: (emu: GasEmulator) => unknown) {
  const seen: unknown[] = [];
  let emu: GasEmulator | undefined;
  emu = emulator(BUNDLE, {
    fetch: () => {
      seen.push(inner(emu as GasEmulator));
      return { status: 200, body: '', latencyMs: 5000 };
    },
  });
  return { emu, seen };
}

test('tryLock returns false after waiting while another execution holds the document lock', () => {
  const { emu, seen } = overlapping((e) => e.run('tryDocumentLock', [3000], { user: BEN, spreadsheetId: 'doc-1' }));
  emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  const outer = emu.run('holdDuringFetch', [], { user: ANA, spreadsheetId: 'doc-1' });
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ ok: true, value: [false, false], elapsedMs: 3000 + 3 }); // the wait + 3 calls
  expect(outer).toMatchObject({ ok: true, value: 'done:true' });
  // The inner execution's wait overlapped the outer request: the outer one ended when its request did.
  expect(outer.endedAt).toBe(START + 2 + 5000 + 2); // two calls before the request, hasLock and releaseLock after
});

test("waitLock throws Google's timeout text", () => {
  const { emu, seen } = overlapping((e) => e.run('waitDocumentLock', [], { user: BEN, spreadsheetId: 'doc-1' }));
  emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  emu.run('holdDuringFetch', [], { user: ANA, spreadsheetId: 'doc-1' });
  expect(seen[0]).toMatchObject({
    ok: false,
    error: { name: 'Exception', message: 'Lock timeout: another process was holding the lock for too long.' },
  });
});

test('locks are released when the holding execution ends, even without releaseLock', () => {
  const emu = emulator(BUNDLE, { fetch: () => ({ status: 200, body: '' }) });
  const ss = emu.createSpreadsheet({ owner: ANA });
  emu.run('holdAndForget', [], { user: ANA, spreadsheetId: ss });
  expect(emu.run('tryDocumentLock', [0], { user: ANA, spreadsheetId: ss }).value).toEqual([true, true]);
});

test('document locks are per document and user locks per user', () => {
  const { emu, seen } = overlapping((e) => [
    e.run('tryDocumentLock', [0], { user: ANA, spreadsheetId: 'doc-2' }).value,
    e.run('tryUserLock', [], { user: BEN }).value,
  ]);
  emu.createSpreadsheet({ owner: ANA });
  emu.createSpreadsheet({ owner: ANA });
  emu.run('holdDuringFetch', [], { user: ANA, spreadsheetId: 'doc-1' });
  expect(seen[0]).toEqual([[true, true], true]);
});

test('a lock a test holds for an execution outside the emulator refuses every execution until released', () => {
  const emu = emulator(BUNDLE, { fetch: () => ({ status: 200, body: '' }) });
  const ss = emu.createSpreadsheet({ owner: ANA });
  const release = emu.holdLock('script');
  expect(() => emu.holdLock('script')).toThrow(/already held/);
  expect(emu.run('tryScriptLock', [2000], { user: ANA })).toMatchObject({ value: false, elapsedMs: 2000 + 2 });
  // Only the lock held: the document's lock is free.
  expect(emu.run('tryDocumentLock', [0], { user: ANA, spreadsheetId: ss }).value).toEqual([true, true]);
  release();
  expect(emu.run('tryScriptLock', [2000], { user: ANA }).value).toBe(true);
});

test('getDocumentLock is null without a document', () => {
  expect(emulator(BUNDLE).run('noDocumentLock').value).toBeNull();
});

test('at most 30 simultaneous executions per user', () => {
  const errors: string[] = [];
  let emu: GasEmulator | undefined;
  emu = emulator(`function nest() { UrlFetchApp.fetch('${API}nest'); }`, {
    fetch: () => {
      const inner = (emu as GasEmulator).run('nest', [], { user: ANA });
      if (!inner.ok) errors.push(inner.error?.message ?? '');
      return { status: 200, body: '' };
    },
  });
  expect(emu.run('nest', [], { user: ANA }).ok).toBe(true);
  expect(errors).toEqual(['There are too many scripts running simultaneously for this Google user account.']);
});
