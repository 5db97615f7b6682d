// Which jobs a bench run makes, from its command line: sizes, latencies, scenario names, cost models (pure).
import { ACCOUNT_SHAPES, type AccountShape } from './dataset-shapes';
import { CELL_COST_MODELS, type CellCostModel } from './product-costs';
import type { ScenarioSpec } from './scenario';

export const SCENARIO_NAMES = [
  ...ACCOUNT_SHAPES,
  'startup',
  'hourly-refresh',
  'hires-offers',
  'hourly-refresh-offers',
] as const;
/** Run when no --scenarios is given; hires-offers (four imports a size) and the offers refresh run only on request. */
const DEFAULT_SCENARIOS = SCENARIO_NAMES.filter((name) => name !== 'hires-offers' && name !== 'hourly-refresh-offers');
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface BenchOptions {
  sizes: number[];
  latenciesMs: number[];
  scenarios: ScenarioName[];
  cells: CellCostModel[];
  orders: Array<ScenarioSpec['listOrder']>;
  refreshSize: number;
  baseline: boolean;
}

export const DEFAULT_SIZES = [5_000, 20_000];
export const LARGE_SIZES = [100_000, 250_000, 500_000];
const ORDERS = ['newest-first', 'newest-runs', 'unordered'] as const;

export const USAGE = `npm run bench -- [options]
  --sizes 5k,20k          opportunities per account (default 5k,20k; --large adds 100k,250k,500k)
  --latency 0.25,2.5      Lever latency in seconds (default 0.25,2.5)
  --scenarios a,b         ${SCENARIO_NAMES.join(', ')} (default all but hires-offers,
                          hourly-refresh-offers)
  --cells emulator,product  cost per Sheets cell: the emulator's default, the product's commit estimate (default both)
  --orders newest-first   Lever list orders: ${ORDERS.join(', ')} (default newest-first)
  --refresh-size 100k     account size of hourly-refresh and hourly-refresh-offers (default 100k)
  --no-baseline           skip the buffered sequential paginator`;

/** "5k" → 5000, "1.5m" → 1500000, "700" → 700. */
export function parseCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a count: ${text}`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

function oneOf<T extends string>(allowed: readonly T[], flag: string, text: string): T[] {
  return text.split(',').map((item) => {
    if (!(allowed as readonly string[]).includes(item)) throw new Error(`${flag}: ${item} is not one of ${allowed}`);
    return item as T;
  });
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: DEFAULT_SIZES,
    latenciesMs: [250, 2500],
    scenarios: [...DEFAULT_SCENARIOS],
    cells: [...CELL_COST_MODELS],
    orders: ['newest-first'],
    refreshSize: 100_000,
    baseline: true,
  };
  let large = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--sizes') options.sizes = value().split(',').map(parseCount);
    else if (flag === '--latency')
      options.latenciesMs = value()
        .split(',')
        .map((s) => secondsToMs(s));
    else if (flag === '--scenarios') options.scenarios = oneOf(SCENARIO_NAMES, flag, value());
    else if (flag === '--cells') options.cells = oneOf(CELL_COST_MODELS, flag, value());
    else if (flag === '--orders') options.orders = oneOf(ORDERS, flag, value());
    else if (flag === '--refresh-size') options.refreshSize = parseCount(value());
    else if (flag === '--no-baseline') options.baseline = false;
    else if (flag === '--large') large = true;
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  if (large) options.sizes = [...new Set([...options.sizes, ...LARGE_SIZES])];
  return options;
}

function secondsToMs(text: string): number {
  const seconds = Number(text);
  if (!(seconds > 0)) throw new Error(`--latency: not a positive number of seconds: ${text}`);
  return Math.round(seconds * 1000);
}

/** Every job of the run, smallest first: imports (shape × size × latency × order), then start-up, then refresh. */
export function jobs(options: BenchOptions): ScenarioSpec[] {
  const specs: ScenarioSpec[] = [];
  const base = { listOrder: 'newest-first' as const, baseline: false, shape: 'uniform' as AccountShape };
  for (const cells of options.cells) {
    for (const latencyMs of options.latenciesMs) {
      const tag = `${latencyMs / 1000}s-${cells}`;
      for (const shape of ACCOUNT_SHAPES.filter((s) => options.scenarios.includes(s))) {
        for (const records of [...options.sizes].sort((a, b) => a - b)) {
          for (const listOrder of options.orders) {
            const name = `${shape}-${label(records)}-${tag}${listOrder === 'newest-first' ? '' : `-${listOrder}`}`;
            specs.push({ ...base, name, kind: 'import', records, latencyMs, shape, listOrder, cells });
            specs[specs.length - 1].baseline = options.baseline && shape === 'uniform' && listOrder === 'newest-first';
          }
        }
      }
      if (options.scenarios.includes('hires-offers')) {
        for (const records of [...options.sizes].sort((a, b) => a - b)) {
          specs.push({
            ...base,
            name: `hires-offers-${label(records)}-${tag}`,
            kind: 'hires-offers',
            records,
            latencyMs,
            cells,
          });
        }
      }
      if (options.scenarios.includes('startup')) {
        specs.push({ ...base, name: `startup-${tag}`, kind: 'startup', records: 0, latencyMs, cells });
      }
      if (options.scenarios.includes('hourly-refresh')) {
        const records = options.refreshSize;
        const name = `hourly-refresh-${label(records)}-${tag}`;
        specs.push({ ...base, name, kind: 'hourly-refresh', records, latencyMs, cells, changedShare: 0.01 });
      }
      if (options.scenarios.includes('hourly-refresh-offers')) {
        const records = options.refreshSize;
        const name = `hourly-refresh-offers-${label(records)}-${tag}`;
        specs.push({ ...base, name, kind: 'hourly-refresh-offers', records, latencyMs, cells, changedShare: 0.01 });
      }
    }
  }
  return specs;
}

export function label(records: number): string {
  return records >= 1000 && records % 1000 === 0 ? `${records / 1000}k` : String(records);
}
