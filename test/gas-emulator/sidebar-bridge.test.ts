// callFromSidebar follows google.script.run: JSON copies both ways, illegal arguments refused client-side.
import { ANA, BEN, emulator } from './helpers';

const BUNDLE = `
  function echo(...args) { return { args, types: args.map((a) => a === null ? 'null' : Array.isArray(a) ? 'array' : typeof a) }; }
  function mutate(obj) { obj.changed = true; return obj; }
  function withDate() { return { when: new Date(0), n: 1 }; }
  function nothing() {}
  function who() { return Session.getActiveUser().getEmail() + ' in ' + (SpreadsheetApp.getActiveSpreadsheet() ? 'doc' : 'none'); }
  function fails() { throw new Error('Lever said no'); }
  function secret_() { return 'hidden'; }`;

function setup() {
  const emu = emulator(BUNDLE);
  const spreadsheetId = emu.createSpreadsheet({ owner: ANA, editors: [BEN] });
  return { emu, ctx: { user: ANA, spreadsheetId } };
}

test('arguments arrive as JSON copies: undefined in arrays becomes null', () => {
  const { emu, ctx } = setup();
  const input = { list: [1, undefined, 'x'], nested: { ok: true, skip: undefined } };
  const result = emu.callFromSidebar('echo', [input, 'text', 3, null], ctx);
  expect(result.ok).toBe(true);
  expect(result.value).toEqual({
    args: [{ list: [1, null, 'x'], nested: { ok: true } }, 'text', 3, null],
    types: ['object', 'string', 'number', 'null'],
  });
  emu.callFromSidebar('mutate', [input], ctx);
  expect(input).not.toHaveProperty('changed');
});

test.each([
  ['a Date', [new Date(0)], '0'],
  ['a function', [{ cb: () => 1 }], 'cb'],
  ['a Date inside an array', [{ list: [1, new Date()] }], '1'],
  ['a class instance', [new Map()], '0'],
])('%s is refused before the server runs', (_label, args, property) => {
  const { emu, ctx } = setup();
  const result = emu.callFromSidebar('echo', args, ctx);
  expect(result).toMatchObject({
    ok: false,
    error: { message: `Failed due to illegal value in property: ${property}` },
  });
  expect(emu.stats).toEqual({});
});

test('a cyclic argument is refused', () => {
  const { emu, ctx } = setup();
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(emu.callFromSidebar('echo', [cyclic], ctx).ok).toBe(false);
});

test('a return value holding a Date arrives as null; undefined stays undefined', () => {
  const { emu, ctx } = setup();
  expect(emu.callFromSidebar('withDate', [], ctx)).toMatchObject({ ok: true, value: null });
  expect(emu.callFromSidebar('nothing', [], ctx).value).toBeUndefined();
});

test('runs as the calling user in the spreadsheet', () => {
  const { emu, ctx } = setup();
  expect(emu.callFromSidebar('who', [], { ...ctx, user: BEN }).value).toBe(`${BEN} in doc`);
});

test('server errors reach the failure handler with their message; private and missing functions are not found', () => {
  const { emu, ctx } = setup();
  expect(emu.callFromSidebar('fails', [], ctx).error).toEqual({ name: 'Error', message: 'Lever said no' });
  expect(emu.callFromSidebar('secret_', [], ctx).error?.message).toBe('Script function not found: secret_');
  expect(emu.callFromSidebar('missing', [], ctx).error?.message).toBe('Script function not found: missing');
});

test('a user without access to the document cannot call', () => {
  const { emu, ctx } = setup();
  expect(emu.callFromSidebar('who', [], { ...ctx, user: 'eve@example.com' }).error?.message).toBe(
    'You do not have access to the requested document.',
  );
});
