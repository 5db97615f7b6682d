// The real build in the emulator: dist/Code.js loads, exposes its entry points, and onOpen builds the menu in AuthMode.NONE.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GasEmulator } from '../../tools/gas-emulator';

const built = existsSync(join(__dirname, '../../dist/Code.js'));

(built ? describe : describe.skip)('dist/Code.js in the emulator', () => {
  test('onOpen in AuthMode.NONE builds the add-on menu, and its items name real functions', () => {
    const emu = new GasEmulator({});
    const ssId = emu.createSpreadsheet({ owner: 'ana@example.com' });
    const result = emu.run('onOpen', undefined, { user: 'ana@example.com', spreadsheetId: ssId, authMode: 'NONE' });
    expect(result).toMatchObject({ ok: true, timedOut: false });
    const menus = emu.ui(ssId).filter((event) => event.kind === 'menu');
    expect(menus).toHaveLength(1);
    const items = (menus[0].detail.items as Array<{ functionName?: string }>).filter((item) => item.functionName);
    expect(items.length).toBeGreaterThan(0);
    for (const { functionName } of items) {
      const probe = emu.run(functionName as string, [], {
        user: 'ana@example.com',
        spreadsheetId: ssId,
        authMode: 'NONE',
      });
      expect(probe.error?.message ?? '').not.toMatch(/Script function not found/);
    }
  });

  test('opening the sidebar records the built Sidebar.html', () => {
    const emu = new GasEmulator({});
    const ssId = emu.createSpreadsheet({ owner: 'ana@example.com' });
    expect(emu.run('showSidebar', [], { user: 'ana@example.com', spreadsheetId: ssId }).ok).toBe(true);
    const [sidebar] = emu.ui(ssId).filter((event) => event.kind === 'sidebar');
    expect(String(sidebar.detail.html)).toContain('<');
    expect(String(sidebar.detail.title)).not.toBe('');
  });
});
