// npm start: the real built sidebar beside an emulated spreadsheet, on the Apps Script emulator and the Lever simulator.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SEATS_SHEET, seedDemoImports } from './demo-imports';
import { startPlaygroundServer } from './http';
import { createDemoWorld, DEMO_KEY, ROOT } from './world';

async function main(): Promise<void> {
  const sidebarHtmlPath = join(ROOT, 'dist/Sidebar.html');
  if (!existsSync(sidebarHtmlPath)) throw new Error('dist/ is missing: run npm run build first (npm start does).');
  const port = Number(process.env.PORT ?? 8080);
  const started = Date.now();
  const world = createDemoWorld();
  seedDemoImports(world);
  const server = await startPlaygroundServer(world, { port, sidebarHtmlPath });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Lever for Sheets playground (ready in ${seconds} s)

  Open:          ${server.url}/
  Demo API key:  ${DEMO_KEY}

  A simulated Lever account with ${world.dataset.opportunities.length} opportunities and ${world.dataset.requisitions.length} requisitions.
  Ana is connected with the demo key; the "${SEATS_SHEET}" sheet shows each requisition's hires, open seats
  and next start date. Build another import, run it, then schedule it and fast-forward the clock.
  Other demo keys (limited access, a sandbox account) are listed at the bottom of the page; switch to the
  second user to take a schedule over. Press Ctrl+C to stop.
`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
