// Saving what the sidebar sends as an import definition: normalised against the stored ones, then stored.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, ImportDefinitionInput } from '../shared/types';
import { listDefinitions, loadDefinition, newImportId, saveDefinition } from '../store/imports-store';
import { normaliseDefinition } from './definition';

export function saveImportInput(store: KeyValueStore, input: ImportDefinitionInput, now: Date): ImportDefinition {
  const existing = input?.id ? loadDefinition(store, input.id) : null;
  if (input?.id && !existing) throw new AppError('BAD_INPUT', { reason: 'importGone' });
  const definition = normaliseDefinition(input, {
    existing,
    others: listDefinitions(store),
    now: now.toISOString(),
    newId: newImportId,
  });
  saveDefinition(store, definition);
  return definition;
}
