// `npm run sim`: the simulator on http://127.0.0.1:$PORT (default 4010) with a seeded demo account.

import { generateDataset } from './generate';
import { startSimServer } from './server';
import { LeverSimulator } from './simulator';
import type { SimKey } from './types';

const DEMO_KEYS: SimKey[] = [
  { key: 'sim-demo-key', environment: 'production', permissions: 'all', confidential: true },
  { key: 'sim-demo-no-confidential-key', environment: 'production', permissions: 'all', confidential: false },
];

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  const now = Date.now();
  const dataset = generateDataset({ seed: 1, opportunities: 2000, requisitions: 300, now });
  const sim = new LeverSimulator({ dataset, keys: DEMO_KEYS, now: () => Date.now() });
  const server = await startSimServer(sim, { port });
  console.log(`Lever simulator on ${server.url}/v1 (${dataset.opportunities.length} opportunities)`);
  console.log(`Demo key (full access): ${DEMO_KEYS[0].key}   without confidential access: ${DEMO_KEYS[1].key}`);
  console.log(`Try: curl -u ${DEMO_KEYS[0].key}: '${server.url}/v1/opportunities?limit=2&expand=stage'`);
  process.once('SIGINT', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
