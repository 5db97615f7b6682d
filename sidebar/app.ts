// The sidebar shell: navigation between views, the shared state, live regions and the runs in progress.
import type { SidebarState } from '../src/shared/types';
import { h, replaceChildren } from './dom';
import { createNotices, type Notices } from './notices';
import { RunDriver } from './runner';
import type { Server } from './server';

export type Route =
  | { name: 'connect' }
  | { name: 'imports' }
  | { name: 'builder'; importId?: string }
  | { name: 'run'; importId: string }
  | { name: 'schedule'; importId: string };

export type RouteName = Route['name'];

export interface RenderedView {
  el: HTMLElement;
  /** Called when the user leaves the view (stop timers, unsubscribe). */
  dispose?: () => void;
}

export type ViewRenderer = (app: App, route: Route) => RenderedView;

export interface App {
  readonly server: Server;
  readonly notices: Notices;
  state: SidebarState;
  go(route: Route, notice?: string): void;
  /** Fetches the sidebar state again (after any change). */
  reload(): Promise<SidebarState>;
  /** The run in progress for an import, started from this sidebar. */
  activeRun(importId: string): RunDriver | undefined;
  /** The latest run started from this sidebar for an import, finished or not. */
  lastRun(importId: string): RunDriver | undefined;
  /** Starts a run unless one is already being driven from here. */
  /** `full`: read everything even when a changes-only refresh would do. */
  startRun(importId: string, full?: boolean): RunDriver;
}

const EMPTY_STATE: SidebarState = {
  userEmail: '',
  spreadsheetTimeZone: 'UTC',
  key: { saved: false },
  imports: [],
  sheetNames: [],
};

function navButton(text: string, onClick: () => void): HTMLButtonElement {
  return h('button', { type: 'button', className: 'tab', onClick }, text);
}

interface Shell {
  viewRoot: HTMLElement;
  notices: Notices;
  /** Marks the tab of the route's section as current. */
  markTab(route: Route): void;
}

/** Navigation, the two live regions and the view container, inside `root`. */
function buildShell(root: HTMLElement, go: (route: Route) => void): Shell {
  const alertRegion = h('div', { className: 'notice error', role: 'alert' });
  const statusRegion = h('div', { className: 'notice info', role: 'status', 'aria-live': 'polite' });
  const viewRoot = h('main', { id: 'view' });
  const { dismiss, notices } = noticesWithDismiss(statusRegion, alertRegion, viewRoot);
  const importsTab = navButton('Imports', () => go({ name: 'imports' }));
  const keyTab = navButton('Lever key', () => go({ name: 'connect' }));
  const nav = h('nav', { 'aria-label': 'Sections' }, importsTab, keyTab);
  replaceChildren(root, nav, h('div', { className: 'alert-box' }, alertRegion, dismiss), statusRegion, viewRoot);
  const markTab = (route: Route) =>
    markCurrentTab(route.name === 'connect' ? keyTab : importsTab, [importsTab, keyTab]);
  return { viewRoot, notices, markTab };
}

/** The notices, and a Dismiss button shown while an error is. */
function noticesWithDismiss(statusRegion: HTMLElement, alertRegion: HTMLElement, viewRoot: HTMLElement) {
  // Errors stay in sight at the top while the user scrolls a long form to fix what they say.
  const dismiss = h('button', { type: 'button', className: 'link dismiss', hidden: true }, 'Dismiss');
  const notices = createNotices(statusRegion, alertRegion, (shown) => {
    dismiss.hidden = !shown;
  });
  dismiss.addEventListener('click', () => {
    notices.clear();
    focusHeading(viewRoot);
  });
  return { dismiss, notices };
}

/** Builds the shell inside `root` and returns the app that views receive. */
export function createApp(root: HTMLElement, server: Server, views: Record<RouteName, ViewRenderer>): App {
  const shell = buildShell(root, (route) => app.go(route));
  const show = viewSwitcher(shell, views);
  const app: App = {
    server,
    notices: shell.notices,
    state: EMPTY_STATE,
    go: (route, notice) => show(app, route, notice),
    async reload() {
      app.state = await server.getSidebarState();
      return app.state;
    },
    ...runTracker(server),
  };
  return app;
}

/** Leaves the current view (disposing it) for the route's, focused on its heading, with an optional notice. */
function viewSwitcher(shell: Shell, views: Record<RouteName, ViewRenderer>) {
  let current: RenderedView | undefined;
  return (app: App, route: Route, notice?: string) => {
    current?.dispose?.();
    shell.notices.clear();
    current = views[route.name](app, route);
    replaceChildren(shell.viewRoot, current.el);
    shell.markTab(route);
    focusHeading(current.el);
    if (notice) shell.notices.info(notice);
  };
}

/** The runs started from this sidebar, one driver per import; a second start joins the run in progress. */
function runTracker(server: Server): Pick<App, 'activeRun' | 'lastRun' | 'startRun'> {
  const runs = new Map<string, RunDriver>();
  const activeRun = (importId: string) => {
    const driver = runs.get(importId);
    return driver && !driver.latest.done ? driver : undefined;
  };
  const lastRun = (importId: string) => runs.get(importId);
  const startRun = (importId: string, full?: boolean) =>
    activeRun(importId) ?? launchRun(server, runs, importId, full === true);
  return { activeRun, lastRun, startRun };
}

function launchRun(server: Server, runs: Map<string, RunDriver>, importId: string, full: boolean): RunDriver {
  const driver = new RunDriver(server, importId, {}, full);
  runs.set(importId, driver);
  void driver.run();
  return driver;
}

function markCurrentTab(active: HTMLElement, tabs: HTMLElement[]): void {
  for (const tab of tabs) {
    if (tab === active) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

/** Moves focus to the new view's heading so keyboard and screen-reader users start at its top. */
function focusHeading(view: HTMLElement): void {
  const heading = view.querySelector<HTMLElement>('h1');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: false });
}
