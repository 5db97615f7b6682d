// The bench's command line: sizes, latencies, scenario names and cost models become the jobs it runs.
import { jobs, LARGE_SIZES, parseArgs, parseCount } from '../../tools/bench/catalogue';

describe('parseCount', () => {
  it('reads plain counts and k/m suffixes', () => {
    expect(parseCount('700')).toBe(700);
    expect(parseCount('5k')).toBe(5000);
    expect(parseCount('2.5K')).toBe(2500);
    expect(parseCount('1m')).toBe(1_000_000);
    expect(() => parseCount('lots')).toThrow(/not a count/);
  });
});

describe('parseArgs', () => {
  it('keeps the default run small', () => {
    const options = parseArgs([]);
    expect(options.sizes).toEqual([5000, 20_000]);
    expect(options.latenciesMs).toEqual([250, 2500]);
    expect(options.cells).toEqual(['emulator', 'product']);
    expect(options.refreshSize).toBe(100_000);
  });

  it('reads sizes, latencies in seconds, scenarios and cost models', () => {
    const options = parseArgs([
      '--sizes',
      '5k,250k',
      '--latency',
      '0.1,1',
      '--scenarios',
      'bulk-ms',
      '--cells',
      'product',
    ]);
    expect(options.sizes).toEqual([5000, 250_000]);
    expect(options.latenciesMs).toEqual([100, 1000]);
    expect(options.scenarios).toEqual(['bulk-ms']);
    expect(options.cells).toEqual(['product']);
  });

  it('adds the large sizes only on request', () => {
    expect(parseArgs(['--large']).sizes).toEqual([5000, 20_000, ...LARGE_SIZES]);
  });

  it('refuses unknown options and names', () => {
    expect(() => parseArgs(['--size', '5k'])).toThrow(/unknown option --size/);
    expect(() => parseArgs(['--scenarios', 'skewed'])).toThrow(/skewed is not one of/);
    expect(() => parseArgs(['--latency', '0'])).toThrow(/positive/);
    expect(() => parseArgs(['--sizes'])).toThrow(/needs a value/);
  });
});

describe('jobs', () => {
  it('runs every shape at every size, latency and cost model, the baseline only on the uniform account', () => {
    const specs = jobs(parseArgs(['--sizes', '5k', '--latency', '2.5', '--cells', 'emulator']));
    expect(specs.map((s) => s.name)).toEqual([
      'uniform-5k-2.5s-emulator',
      'bulk-ms-5k-2.5s-emulator',
      'recent-month-5k-2.5s-emulator',
      'startup-2.5s-emulator',
      'hourly-refresh-100k-2.5s-emulator',
    ]);
    expect(specs.filter((s) => s.baseline).map((s) => s.name)).toEqual(['uniform-5k-2.5s-emulator']);
    expect(specs.find((s) => s.kind === 'hourly-refresh')?.changedShare).toBe(0.01);
    expect(specs.every((s) => s.latencyMs === 2500)).toBe(true);
  });

  it('selects scenarios by name', () => {
    const specs = jobs(parseArgs(['--scenarios', 'startup', '--cells', 'emulator,product', '--latency', '1']));
    expect(specs.map((s) => s.name)).toEqual(['startup-1s-emulator', 'startup-1s-product']);
  });
});

describe('hires-offers jobs', () => {
  it('runs only on request, once a size', () => {
    expect(jobs(parseArgs([])).some((s) => s.kind === 'hires-offers')).toBe(false);
    const specs = jobs(
      parseArgs(['--scenarios', 'hires-offers', '--sizes', '20k,5k', '--latency', '0.25', '--cells', 'emulator']),
    );
    expect(specs.map((s) => s.name)).toEqual(['hires-offers-5k-0.25s-emulator', 'hires-offers-20k-0.25s-emulator']);
    expect(specs.every((s) => s.kind === 'hires-offers' && s.shape === 'uniform')).toBe(true);
  });
});
