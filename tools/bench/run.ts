// npm run bench: runs each scenario in its own process and prints a comparable table; JSON in bench-results/.
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
];

function runInChild(spec: ScenarioSpec): ScenarioResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'scenario.ts'), JSON.stringify(spec)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ScenarioResult;
}

const only = process.argv[2];
const results = SCENARIOS.filter((spec) => !only || spec.name.includes(only)).map((spec) => {
  process.stderr.write(`running ${spec.name}…\n`);
  return runInChild(spec);
});
console.table(
  results.map((r) => ({
    scenario: r.name,
    'rec/s': r.recordsPerSecond,
    'of ceiling': `${Math.round(r.shareOfCeiling * 100)}%`,
    'vs sequential': r.speedupVsSequential ? `${r.speedupVsSequential}x` : '',
    executions: r.executions,
    'fetch calls': r.urlFetchCalls,
    requests: r.urlFetchRequests,
    'sheets calls': r.sheetsCalls,
    'sheets/1k rows': r.sheetsCallsPer1000Rows,
    'virtual s': r.virtualSeconds,
    'peak MB': r.peakRssMb,
    status: r.status,
  })),
);
const dir = join(process.cwd(), 'bench-results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'bench.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
console.log(`JSON: bench-results/bench.json`);
