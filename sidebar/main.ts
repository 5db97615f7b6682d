// Sidebar entry: picks the server transport, builds the shell and opens the first view.
import './styles.css';
import './views.css';
import { createApp, type RouteName, type ViewRenderer } from './app';
import { h, replaceChildren } from './dom';
import { createServer, detectTransport, errorMessage } from './server';
import { renderBuilder } from './views/builder';
import { renderConnect } from './views/connect';
import { renderImports } from './views/imports';
import { renderRun } from './views/run';
import { renderSchedule } from './views/schedule';

const VIEWS: Record<RouteName, ViewRenderer> = {
  connect: renderConnect,
  imports: renderImports,
  builder: renderBuilder,
  run: renderRun,
  schedule: renderSchedule,
};

async function boot(root: HTMLElement): Promise<void> {
  const transport = detectTransport(window as never);
  if (!transport) {
    replaceChildren(root, h('p', null, 'Open this sidebar from Google Sheets: Extensions → Lever for Sheets.'));
    return;
  }
  const app = createApp(root, createServer(transport), VIEWS);
  try {
    const state = await app.reload();
    app.go({ name: state.key.saved ? 'imports' : 'connect' });
  } catch (error) {
    app.go({ name: 'connect' });
    app.notices.error(errorMessage(error));
  }
}

const root = document.getElementById('app');
if (root) void boot(root);
