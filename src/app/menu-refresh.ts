// Menu action "Refresh all imports": works on every import for this execution and toasts what happened.
import { sentenceOf, toAppError } from '../errors';
import { executionBudget } from '../gas/clock';
import { activeDocument, type DocumentPorts } from '../gas/document';
import { documentStore } from '../gas/properties';
import type { ImportDefinition } from '../shared/types';
import { listDefinitions } from '../store/imports-store';
import { runImportSlice } from './import-run';

const TOAST_TITLE = 'Lever for Sheets';
/** Starting an import with less time than this left only makes a checkpoint; leave it for the next execution. */
const MIN_SLICE_MS = 45_000;

type Outcome = { name: string; status: 'succeeded' | 'continuing' | 'failed' | 'waiting'; message?: string };

function refreshOne(spreadsheet: DocumentPorts, definition: ImportDefinition): Outcome {
  if (executionBudget().deadline - Date.now() < MIN_SLICE_MS) return { name: definition.name, status: 'waiting' };
  try {
    const run = runImportSlice(spreadsheet, definition.id, 'menu');
    const status = run.status === 'running' ? 'continuing' : run.status;
    return { name: definition.name, status, message: run.message };
  } catch (error) {
    return { name: definition.name, status: 'failed', message: sentenceOf(toAppError(error)) };
  }
}

function names(outcomes: readonly Outcome[], status: Outcome['status']): string[] {
  return outcomes.filter((outcome) => outcome.status === status).map((outcome) => outcome.name);
}

/** One short paragraph: what finished, what continues (and where), what failed and why. */
export function summarise(outcomes: readonly Outcome[]): string {
  const parts = [`Refreshed ${names(outcomes, 'succeeded').length} of ${outcomes.length} imports.`];
  const unfinished = [...names(outcomes, 'continuing'), ...names(outcomes, 'waiting')];
  if (unfinished.length > 0) {
    parts.push(`Not finished yet: ${unfinished.join(', ')} (open the sidebar and run them to finish).`);
  }
  for (const failed of outcomes.filter((outcome) => outcome.status === 'failed')) {
    parts.push(`${failed.name} failed: ${failed.message ?? 'unknown error'}`);
  }
  return parts.join(' ');
}

export function refreshAllFromMenu(): void {
  const spreadsheet = activeDocument();
  const definitions = listDefinitions(documentStore());
  if (definitions.length === 0) {
    spreadsheet.workbook().toast('There are no imports yet. Open Lever for Sheets to create one.', TOAST_TITLE);
    return;
  }
  const outcomes = definitions.map((definition) => refreshOne(spreadsheet, definition));
  spreadsheet.workbook().toast(summarise(outcomes), TOAST_TITLE, 15);
}
