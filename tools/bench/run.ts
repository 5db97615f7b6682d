// npm run bench: runs each scenario in its own process and prints a comparable table and the issue's targets;
// JSON and a Markdown table in bench-results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioResult, ScenarioSpec } from './scenario';

const SCENARIOS: ScenarioSpec[] = [
  { name: 'opportunities-10k', object: 'opportunities', records: 10_000, latencyMs: 250, baseline: true },
  { name: 'opportunities-50k', object: 'opportunities', records: 50_000, latencyMs: 250, baseline: true },
  { name: 'opportunities-100k', object: 'opportunities', records: 100_000, latencyMs: 250, baseline: false },
  { name: 'requisitions-5k', object: 'requisitions', records: 5_000, latencyMs: 250, baseline: false },
  { name: 'opportunities-20k-1s', object: 'opportunities', records: 20_000, latencyMs: 1000, baseline: true },
  // Lever's list order is not documented (unknowns 1): the speed scenarios above pin newest-first; these two show
  // what the other readings cost and that the result stays exact.
  {
    name: 'opportunities-5k-newest-runs',
    object: 'opportunities',
    records: 5_000,
    latencyMs: 250,
    baseline: false,
    listOrder: 'newest-runs',
  },
  {
    name: 'opportunities-5k-unordered',
    object: 'opportunities',
    records: 5_000,
    latencyMs: 250,
    baseline: false,
    listOrder: 'unordered',
  },
];

function runInChild(spec: ScenarioSpec): ScenarioResult {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'scenario.ts'), JSON.stringify(spec)],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ScenarioResult;
}

/** One row per scenario, the same columns every run, so two runs compare line by line. */
function tableRow(r: ScenarioResult): Record<string, string | number> {
  return {
    scenario: r.name,
    rows: r.rowsWritten,
    'rec/s': r.recordsPerSecond,
    'of ceiling': `${Math.round(r.shareOfCeiling * 100)}%`,
    'vs sequential': r.speedupVsSequential ? `${r.speedupVsSequential}x` : '',
    executions: r.executions,
    'fetch calls': r.urlFetchCalls,
    requests: r.urlFetchRequests,
    'sheets calls': r.sheetsCalls,
    'sheets/1k rows': r.sheetsCallsPer1000Rows,
    'refresh sheets/1k': r.refresh.sheetsCallsPer1000Rows,
    'refresh rec/s': r.refresh.recordsPerSecond,
    'virtual s': r.virtualSeconds,
    'peak MB': r.peakRssMb,
    'setup MB': r.setupRssMb,
    status: r.status,
    order: r.listOrder,
    exact: r.exact ? 'yes' : 'NO',
  };
}

function markdown(rows: Array<Record<string, string | number>>): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map((row) => line(columns.map((c) => row[c])))].join(
    '\n',
  );
}

/** The issue's targets, for the scenarios this run measured. */
function targets(results: ScenarioResult[]): string[] {
  const find = (name: string) => results.find((r) => r.name === name);
  const checks: Array<
    [string, ScenarioResult | undefined, (r: ScenarioResult) => boolean, (r: ScenarioResult) => string]
  > = [
    [
      '50k at 250 ms: at least 85% of the ceiling',
      find('opportunities-50k'),
      (r) => r.shareOfCeiling >= 0.85,
      (r) => `${Math.round(r.shareOfCeiling * 100)}%`,
    ],
    [
      '20k at 1 s: at least 8x the sequential paginator',
      find('opportunities-20k-1s'),
      (r) => (r.speedupVsSequential ?? 0) >= 8,
      (r) => `${r.speedupVsSequential}x`,
    ],
    [
      '100k: one execution',
      find('opportunities-100k'),
      (r) => r.executions === 1 && r.status === 'succeeded',
      (r) => `${r.executions} (${r.status})`,
    ],
    [
      '50k: under 1 Sheets call per 1,000 rows',
      find('opportunities-50k'),
      (r) => r.sheetsCallsPer1000Rows < 1,
      (r) => `${r.sheetsCallsPer1000Rows} first run, ${r.refresh.sheetsCallsPer1000Rows} refresh`,
    ],
    [
      '100k: under 1 Sheets call per 1,000 rows',
      find('opportunities-100k'),
      (r) => r.sheetsCallsPer1000Rows < 1,
      (r) => `${r.sheetsCallsPer1000Rows} first run, ${r.refresh.sheetsCallsPer1000Rows} refresh`,
    ],
  ];
  return checks
    .filter(([, result]) => result !== undefined)
    .map(([label, result, met, figure]) => {
      const r = result as ScenarioResult;
      return `${met(r) ? 'met ' : 'MISS'}  ${label}: ${figure(r)}`;
    });
}

const only = process.argv[2];
const results = SCENARIOS.filter((spec) => !only || spec.name.includes(only)).map((spec) => {
  process.stderr.write(`running ${spec.name}…\n`);
  return runInChild(spec);
});
const rows = results.map(tableRow);
console.table(rows);
const checks = targets(results);
console.log(checks.join('\n'));
const dir = join(process.cwd(), 'bench-results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'bench.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
writeFileSync(join(dir, 'bench.md'), `${markdown(rows)}\n\n${checks.map((check) => `    ${check}`).join('\n')}\n`);
console.log('JSON: bench-results/bench.json, Markdown: bench-results/bench.md');
