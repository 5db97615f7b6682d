// npm run bench [-- options]: runs each job in its own process, prints the tables, and writes bench-results/ (JSON and
// Markdown). Options: catalogue.ts (USAGE); `npm run bench -- --help` prints them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobs, parseArgs, USAGE } from './catalogue';
import { hiresOffersRows } from './hires-report';
import { refreshOffersRow } from './refresh-offers';
import { crashedRow, importRows, markdown, type Row, refreshRow, startupRows } from './report';
import type { ScenarioResult, ScenarioSpec } from './scenario';

type Outcome = { spec: ScenarioSpec; result?: ScenarioResult; crash?: string };

function runInChild(spec: ScenarioSpec): Outcome {
  try {
    const output = execFileSync(
      process.execPath,
      ['--max-old-space-size=12288', '--import', 'tsx', join(__dirname, 'scenario.ts'), JSON.stringify(spec)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { spec, result: JSON.parse(output.trim().split('\n').pop() ?? '{}') as ScenarioResult };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
    const last = stderr.split('\n').filter(Boolean).pop() ?? (error as Error).message;
    return { spec, crash: `process died: ${last.slice(0, 200)}` };
  }
}

function tables(outcomes: Outcome[]): Array<[string, Row[]]> {
  const of = (kind: ScenarioSpec['kind'], row: (r: ScenarioResult) => Row[]) =>
    outcomes
      .filter((o) => o.spec.kind === kind)
      .flatMap((o) => (o.result ? row(o.result) : [crashedRow(o.spec.name, o.crash ?? 'no result')]));
  return [
    ['Imports (rec/s from rows in the target sheet)', of('import', importRows)],
    ['Fixed cost of a run (0 and 1 opportunities; "again": the same import an hour later)', of('startup', startupRows)],
    ['Hourly refresh with 1% changed (what a refresh does today)', of('hourly-refresh', (r) => [refreshRow(r)])],
    [
      'Hire and offer columns, 2% hires (each import without and with them)',
      of('hires-offers', (r) => (r.hiresOffers ? hiresOffersRows(r.spec.name, r.hiresOffers) : [])),
    ],
    [
      'Hourly refresh with offer columns, 2% hires, 1% changed and some offers moved on',
      of('hourly-refresh-offers', (r) =>
        r.refreshOffers ? [refreshOffersRow(r.spec.name, r.spec.latencyMs, r.refreshOffers)] : [],
      ),
    ],
  ].filter(([, rows]) => rows.length > 0) as Array<[string, Row[]]>;
}

function main(argv: string[]): void {
  if (argv.includes('--help')) return void console.log(USAGE);
  const specs = jobs(parseArgs(argv));
  const outcomes = specs.map((spec, i) => {
    process.stderr.write(`[${i + 1}/${specs.length}] ${spec.name}…\n`);
    return runInChild(spec);
  });
  const sections = tables(outcomes);
  for (const [title, rows] of sections) {
    console.log(`\n${title}`);
    console.table(rows);
  }
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(join(dir, 'bench.json'), `${JSON.stringify({ at, argv, outcomes }, null, 2)}\n`);
  const md = sections.map(([title, rows]) => `### ${title}\n\n${markdown(rows)}\n`).join('\n');
  writeFileSync(join(dir, 'bench.md'), `Run ${at} with \`${argv.join(' ') || '(defaults)'}\`\n\n${md}`);
  console.log('\nJSON: bench-results/bench.json, Markdown: bench-results/bench.md');
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
