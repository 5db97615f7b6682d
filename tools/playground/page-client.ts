// Browser code of the playground host page: the emulated grid, sheet tabs, clock controls and the sidebar frame.

interface GridResponse {
  sheets: string[];
  sheet: string | null;
  rows: string[][];
  totalRows: number;
  clock: { now: number; timeZone: string };
}

interface InfoResponse {
  users: string[];
  demoKeys: { key: string; note: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let currentSheet: string | null = null;
let knownSheets: string[] | null = null;
let lastGridText = '';
let refreshTimer = 0;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
  const response = await fetch(path, { ...init, headers: { 'Content-Type': 'application/json' } });
  const value = await response.json();
  if (!response.ok) throw new Error(value.error ?? response.statusText);
  return value as T;
}

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  $('log').prepend(item);
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cell(tag: 'td' | 'th', text: string, className = ''): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

function renderTable(grid: GridResponse): void {
  const width = Math.max(8, ...grid.rows.map((row) => row.length));
  const table = document.createElement('table');
  const head = document.createElement('tr');
  head.append(cell('th', '', 'corner'), ...Array.from({ length: width }, (_, i) => cell('th', columnLetter(i))));
  table.createTHead().append(head);
  const body = table.createTBody();
  const rowCount = Math.max(grid.rows.length, 30);
  for (let r = 0; r < rowCount; r++) {
    const tr = document.createElement('tr');
    const values = grid.rows[r] ?? [];
    tr.append(cell('th', String(r + 1), 'row-number'));
    for (let c = 0; c < width; c++) tr.append(cell('td', values[c] ?? '', r === 0 ? 'header-row' : ''));
    body.append(tr);
  }
  $('grid').replaceChildren(table);
  const more = grid.totalRows > grid.rows.length;
  $('grid-note').textContent = more ? `Showing the first ${grid.rows.length} of ${grid.totalRows} rows.` : '';
}

function renderTabs(grid: GridResponse): void {
  const tabs = grid.sheets.map((name) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.textContent = name;
    tab.className = name === grid.sheet ? 'sheet-tab active' : 'sheet-tab';
    tab.setAttribute('aria-pressed', String(name === grid.sheet));
    tab.addEventListener('click', () => {
      currentSheet = name;
      void refreshGrid();
    });
    return tab;
  });
  $('tabs').replaceChildren(...tabs);
}

function renderClock(clock: GridResponse['clock']): void {
  const text = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: clock.timeZone,
  }).format(new Date(clock.now));
  $('clock').textContent = `${text} (${clock.timeZone})`;
}

async function refreshGrid(): Promise<void> {
  const query = currentSheet ? `?sheet=${encodeURIComponent(currentSheet)}` : '';
  const grid = await api<GridResponse>(`/api/grid${query}`);
  // A sheet the add-on just created is what the user wants to watch.
  const added = knownSheets ? grid.sheets.find((name) => !knownSheets?.includes(name)) : undefined;
  knownSheets = grid.sheets;
  if (added) {
    currentSheet = added;
    return refreshGrid();
  }
  currentSheet = grid.sheet;
  renderClock(grid.clock);
  const text = JSON.stringify([grid.sheets, grid.sheet, grid.rows, grid.totalRows]);
  if (text === lastGridText) return;
  lastGridText = text;
  renderTabs(grid);
  renderTable(grid);
}

function refreshSoon(): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refreshGrid().catch((error) => log(String(error))), 250);
}

async function advance(ms: number, label: string): Promise<void> {
  const report = await api<{ fired: string[] }>('/api/advance', { ms });
  log(
    `Clock moved ${label}. ${report.fired.length ? `Triggers fired: ${report.fired.join('; ')}` : 'No trigger was due.'}`,
  );
  if (report.fired.length) log('Open the Imports tab in the sidebar again to see the new statuses.');
  await refreshGrid();
}

async function addRecords(kind: string, count: number): Promise<void> {
  const { message } = await api<{ message: string }>('/api/records', { kind, count });
  log(message);
}

async function changeRequisitions(count: number): Promise<void> {
  const { message } = await api<{ message: string }>('/api/changes', { count });
  log(`${message} Refresh an import that tracks changes to see them.`);
}

function loadSidebar(user: string): void {
  $<HTMLIFrameElement>('sidebar').src = `/sidebar?user=${encodeURIComponent(user)}`;
}

function wireControls(): void {
  const guard = (work: () => Promise<void>) => () => void work().catch((error) => log(`Error: ${error.message}`));
  $('plus-hour').addEventListener(
    'click',
    guard(() => advance(3_600_000, 'forward 1 hour')),
  );
  $('plus-day').addEventListener(
    'click',
    guard(() => advance(86_400_000, 'forward 1 day')),
  );
  $('plus-week').addEventListener(
    'click',
    guard(() => advance(7 * 86_400_000, 'forward 1 week')),
  );
  $('add-opps').addEventListener(
    'click',
    guard(() => addRecords('opportunities', 5)),
  );
  $('add-reqs').addEventListener(
    'click',
    guard(() => addRecords('requisitions', 2)),
  );
  $('change-reqs').addEventListener(
    'click',
    guard(() => changeRequisitions(2)),
  );
  $<HTMLSelectElement>('user').addEventListener('change', (event) =>
    loadSidebar((event.target as HTMLSelectElement).value),
  );
  window.addEventListener('message', (event) => {
    if (event.origin === location.origin && event.data?.type === 'lever-call') refreshSoon();
  });
}

async function start(): Promise<void> {
  const info = await api<InfoResponse>('/api/info');
  $('user').replaceChildren(...info.users.map((user) => new Option(user, user)));
  $('keys').replaceChildren(
    ...info.demoKeys.map((demo) => {
      const item = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = demo.key;
      item.append(code, ` ${demo.note}`);
      return item;
    }),
  );
  wireControls();
  loadSidebar(info.users[0]);
  await refreshGrid();
}

void start().catch((error) => log(`The playground could not start: ${error.message}`));
