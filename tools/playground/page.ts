// The playground host page: an emulated spreadsheet (grid, sheet tabs, clock) with the real sidebar in a 300 px frame.
import { join } from 'node:path';
import esbuild from 'esbuild';

let cachedScript: string | undefined;

/** page-client.ts bundled once per process (esbuild takes a few milliseconds). */
function clientScript(): string {
  if (cachedScript === undefined) {
    const result = esbuild.buildSync({
      entryPoints: [join(__dirname, 'page-client.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    });
    cachedScript = result.outputFiles[0].text;
  }
  return cachedScript;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; color: #202124; height: 100vh; display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 16px; font-weight: 500; margin: 0 8px 0 0; }
  header [role="group"] { display: inline-flex; align-items: center; gap: 4px; }
  header button, header select { font: inherit; padding: 4px 10px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; cursor: pointer; }
  #clock { font-weight: 500; color: #1a73e8; }
  @media (max-width: 1200px) { header { font-size: 12px; } }
  .workspace { flex: 1; display: flex; min-height: 0; }
  .sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid { flex: 1; overflow: auto; }
  #grid table { border-collapse: collapse; font-size: 12px; }
  #grid th, #grid td { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; height: 21px; }
  #grid thead th { position: sticky; top: 0; background: #f8f9fa; color: #5f6368; font-weight: normal; z-index: 1; }
  #grid th.row-number { position: sticky; left: 0; background: #f8f9fa; color: #5f6368; font-weight: normal; min-width: 40px; }
  #grid td.header-row { font-weight: bold; background: #fdfdfd; }
  #tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid #dadce0; background: #f1f3f4; overflow-x: auto; }
  .sheet-tab { font: inherit; border: 0; background: none; padding: 8px 14px; cursor: pointer; color: #3c4043; }
  .sheet-tab.active { background: #fff; color: #188038; font-weight: 500; border-bottom: 3px solid #188038; }
  #grid-note { color: #5f6368; padding: 2px 8px; font-size: 12px; }
  aside { width: 300px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #dadce0; }
  aside .title { padding: 10px 12px; font-size: 16px; border-bottom: 1px solid #dadce0; display: flex; justify-content: space-between; align-items: center; }
  aside .user { font-size: 12px; color: #5f6368; }
  aside .user select { font: inherit; max-width: 150px; }
  iframe { width: 300px; flex: 1; border: 0; }
  footer { display: flex; gap: 24px; padding: 6px 12px; border-top: 1px solid #dadce0; font-size: 12px; max-height: 120px; overflow: auto; }
  footer ul { margin: 0; padding-left: 16px; }
  footer code { background: #f1f3f4; padding: 0 4px; user-select: all; }
`;

const BODY = `
  <header>
    <h1>Lever for Sheets playground</h1>
    <span id="clock" title="The emulator's virtual clock, in the spreadsheet's time zone">…</span>
    <span role="group" aria-label="Move the clock forward">
      <button type="button" id="plus-hour">+1 hour</button>
      <button type="button" id="plus-day">+1 day</button>
      <button type="button" id="plus-week">+1 week</button>
    </span>
    <span role="group" aria-label="Add or change records in the simulated Lever">Lever:
      <button type="button" id="add-opps">+5 opportunities</button>
      <button type="button" id="add-reqs">+2 requisitions</button>
      <button type="button" id="change-reqs" title="Closes one open requisition and adds one to another's headcount">Change 2 requisitions</button>
    </span>
  </header>
  <div class="workspace">
    <div class="sheet">
      <div id="grid" tabindex="0" aria-label="Spreadsheet"></div>
      <div id="grid-note"></div>
      <nav id="tabs" aria-label="Sheets"></nav>
    </div>
    <aside>
      <div class="title">Lever for Sheets <label class="user">as <select id="user"></select></label></div>
      <iframe id="sidebar" title="Lever for Sheets sidebar"></iframe>
    </aside>
  </div>
  <footer>
    <div><strong>Demo API keys</strong> (simulated Lever):<ul id="keys"></ul></div>
    <div><strong>Events</strong><ul id="log"></ul></div>
  </footer>
`;

export function hostPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Lever for Sheets playground</title><style>${STYLE}</style></head>
<body>${BODY}<script>${clientScript()}</script></body>
</html>`;
}
