// The build's contract: dist/ holds a loadable Code.js with every entry point, the manifest and the sidebar.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { SERVER_FUNCTION_NAMES } from '../../src/shared/rpc';
import { GasEmulator } from '../../tools/gas-emulator';

const root = join(__dirname, '../..');
const dist = join(root, 'dist');
const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'refreshAllImports',
  'onScheduledRun',
  'onDiagnosticsProbe',
  'showDiagnostics',
  ...SERVER_FUNCTION_NAMES,
];

describe('dist/Code.js', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');

  it('declares a top-level function for every entry point', () => {
    for (const name of ENTRY_POINTS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('loads in an empty context without throwing and binds the real functions', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of ENTRY_POINTS) {
      expect(typeof context[name]).toBe('function');
      // The stub `function x() {}` is replaced by the bundle's implementation when the bundle runs.
      expect(String(context[name])).not.toMatch(/^function \w+\(\) \{\s*\}$/);
    }
  });

  it('exposes no private helper as a global by accident', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = Object.keys(context).filter((k) => typeof context[k] === 'function');
    expect(globals.sort()).toEqual([...ENTRY_POINTS].sort());
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));

  it('is the root manifest, for V8, with explicit minimal scopes and the Lever hosts allowed', () => {
    expect(manifest).toEqual(JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toEqual(expect.any(String));
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(manifest.urlFetchWhitelist).toEqual(
      expect.arrayContaining(['https://api.lever.co/', 'https://api.sandbox.lever.co/']),
    );
    for (const prefix of manifest.urlFetchWhitelist) expect(prefix).toMatch(/^https:\/\/[^/]+\/.*/);
    expect(manifest.addOns).toBeUndefined();
  });
});

describe('dist/Sidebar.html', () => {
  const html = readFileSync(join(dist, 'Sidebar.html'), 'utf8');

  it('is one self-contained file with no external scripts or styles and no template scriptlets', () => {
    expect(html).toContain('<base target="_top"');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toContain('<?');
    expect(html).not.toContain('/*INLINE_JS*/');
  });
});

describe('the bundle in the emulator', () => {
  it('builds the add-on menu in AuthMode.NONE, and every menu item names a global', () => {
    const emu = new GasEmulator({});
    const ssId = emu.createSpreadsheet({ name: 'Menu test', owner: 'ana@example.com' });
    const result = emu.run('onOpen', [{ authMode: 'NONE' }], {
      user: 'ana@example.com',
      spreadsheetId: ssId,
      authMode: 'NONE',
    });
    expect(result.error).toBeUndefined();
    const menus = emu.ui(ssId).filter((event) => event.kind === 'menu');
    expect(menus).toHaveLength(1);
    const items = (menus[0].detail.items as Array<{ functionName: string }>).map((item) => item.functionName);
    expect(items.length).toBeGreaterThan(0);
    for (const name of items) expect(ENTRY_POINTS).toContain(name);
  });

  it('opens the sidebar from the built Sidebar.html', () => {
    const emu = new GasEmulator({});
    const ssId = emu.createSpreadsheet({ name: 'Sidebar test', owner: 'ana@example.com' });
    const result = emu.run('showSidebar', [], { user: 'ana@example.com', spreadsheetId: ssId });
    expect(result.error).toBeUndefined();
    const sidebar = emu.ui(ssId).find((event) => event.kind === 'sidebar');
    expect(sidebar?.detail.title).toBe('Lever for Sheets');
    expect(sidebar?.detail.html).toBe(readFileSync(join(dist, 'Sidebar.html'), 'utf8'));
  });
});

describe('product code', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  }

  it('never imports dev tooling or tests', () => {
    const offenders = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'sidebar'))].filter((file) =>
      /from\s+['"][^'"]*\/(tools|test)\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('sidebar code imports nothing from the server but src/shared', () => {
    const offenders = sourceFiles(join(root, 'sidebar')).filter((file) =>
      /from\s+['"][^'"]*\/src\/(?!shared\/)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
