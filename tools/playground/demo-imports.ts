// npm start's opening state: Ana connected with the full demo key and a requisition import already run, so the sheet
// shows each requisition's hires, open seats and next start date before anyone builds an import.
import { defaultColumnKeys } from '../../src/import/columns';
import type { ServerFunctionName } from '../../src/shared/rpc';
import type { CallOutcome } from './backend';
import { DEMO_KEY, DEMO_OWNER } from './world';

export const SEATS_SHEET = 'Seats and hires';
const HIRE_COLUMNS = ['hires', 'openSeats', 'nextStartDate'];
/** A run of the demo account ends in a few executions; the bound only stops a broken build looping. */
const MAX_EXECUTIONS = 20;

/** The demo world's calls answer synchronously (the emulator runs them in-process). */
type SyncBackend = { call(fn: ServerFunctionName, args: unknown[], user: string): CallOutcome };

function call(backend: SyncBackend, fn: ServerFunctionName, args: unknown[]): Record<string, unknown> {
  const outcome = backend.call(fn, args, DEMO_OWNER);
  if (!outcome.ok) throw new Error(`demo import, ${fn}: ${outcome.error.message}`);
  return outcome.value as Record<string, unknown>;
}

/** Saves the key and the "Seats and hires" import as Ana, then runs the import to its end. */
export function seedDemoImports(backend: SyncBackend): void {
  call(backend, 'saveApiKey', [DEMO_KEY, 'production']);
  const definition = call(backend, 'saveImport', [
    {
      name: SEATS_SHEET,
      object: 'requisitions',
      environment: 'production',
      filters: { confidential: 'include' },
      columns: [...defaultColumnKeys('requisitions'), ...HIRE_COLUMNS],
      sheetName: SEATS_SHEET,
      writeMode: 'replace',
    },
  ]);
  let run = call(backend, 'runImport', [definition.id]);
  for (let i = 1; run.status === 'continuing' && i < MAX_EXECUTIONS; i++) {
    run = call(backend, 'continueImport', [definition.id]);
  }
  if (run.status !== 'succeeded') throw new Error(`demo import ended ${String(run.status)}: ${String(run.message)}`);
}
