// Server functions are declared once, in src/shared/rpc.ts: main.ts, the built bundle, the playground and the fakes agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { SERVER_FUNCTION_NAMES } from '../../src/shared/rpc';
import { startPlaygroundServer } from '../../tools/playground/http';
import { fakeBackend } from '../sidebar/support/fake-backend';
import { FakeServer } from '../sidebar/support/fake-server';

const root = join(__dirname, '../..');
const declared = [...SERVER_FUNCTION_NAMES].sort();

/** main.ts's exported functions, each with the serverApi method its body calls (null for the other entry points). */
function mainExports(): Array<{ name: string; calls: string | null }> {
  const path = join(root, 'src/main.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements.filter(isExportedFunction).map((fn) => ({ name: fn.name.text, calls: serverApiCall(fn) }));
}

function isExportedFunction(node: ts.Node): node is ts.FunctionDeclaration & { name: ts.Identifier } {
  const exported =
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return ts.isFunctionDeclaration(node) && node.name !== undefined && exported === true;
}

function serverApiCall(fn: ts.FunctionDeclaration): string | null {
  let called: string | null = null;
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'serverApi'
    ) {
      called = node.name.text;
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return called;
}

/** The functions dist/Code.js defines as globals once it has run, as Apps Script sees them. */
function bundleGlobals(): string[] {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(join(root, 'dist/Code.js'), 'utf8'), context);
  return Object.keys(context).filter((key) => typeof context[key] === 'function');
}

describe('server functions', () => {
  const exports = mainExports();
  const sidebarCalls = exports.filter((entry) => entry.calls !== null);

  it('main.ts exports one global per declared function, each calling the serverApi method of its own name', () => {
    expect(sidebarCalls.map((entry) => entry.name).sort()).toEqual(declared);
    for (const entry of sidebarCalls) expect(entry.calls).toBe(entry.name);
  });

  it("the built bundle's top-level functions are main.ts's exports, the declared ones among them", () => {
    const globals = bundleGlobals().sort();
    expect(globals).toEqual(exports.map((entry) => entry.name).sort());
    expect(globals.filter((name) => (SERVER_FUNCTION_NAMES as readonly string[]).includes(name))).toEqual(declared);
  });

  it("the sidebar tests' fake server implements exactly the declared functions", () => {
    expect(Object.keys(new FakeServer().api('ana@example.com')).sort()).toEqual(declared);
  });

  it('the playground bridges every declared function and refuses the other globals', async () => {
    const bridged: string[] = [];
    const backend = {
      ...fakeBackend(),
      call(fn: string) {
        bridged.push(fn);
        return { ok: true as const, value: null };
      },
    };
    const server = await startPlaygroundServer(backend, { port: 0, sidebarHtmlPath: join(root, 'dist/Sidebar.html') });
    try {
      const statuses = new Map<string, number>();
      for (const { name } of exports) statuses.set(name, await postCall(server.url, name));
      expect(bridged.sort()).toEqual(declared);
      for (const { name, calls } of exports) expect([name, statuses.get(name)]).toEqual([name, calls ? 200 : 400]);
    } finally {
      await server.close();
    }
  });
});

async function postCall(url: string, fn: string): Promise<number> {
  const body = JSON.stringify({ fn, args: [], user: 'ana@example.com' });
  const response = await fetch(`${url}/api/call`, { method: 'POST', body });
  await response.text();
  return response.status;
}
