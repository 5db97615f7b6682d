// Saving what the sidebar sends as an import definition: normalised against the stored ones, then stored.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, ImportDefinitionInput } from '../shared/types';
import {
  assertIndexHasRoom,
  listDefinitions,
  newImportId,
  saveDefinition,
  saveExistingAfresh,
} from '../store/imports-store';
import { normaliseDefinition } from './definition';

export function saveImportInput(store: KeyValueStore, input: ImportDefinitionInput, now: Date): ImportDefinition {
  if (input?.id) return saveExistingInput(store, input.id, input, now);
  // Told before the settings are checked; the store checks again on its fresh read, in its lock.
  assertIndexHasRoom(store);
  const others = listDefinitions(store);
  const definition = normalise(input, null, others, now);
  saveDefinition(store, definition);
  return definition;
}

/**
 * An edit of an existing import, on the stored definition read afresh in the store's lock: one another editor
 * deleted meanwhile is refused (saved, it would come back from the dead), and a schedule owner changed meanwhile
 * (a take-over) is kept rather than written over with the one this editor's form started from.
 */
function saveExistingInput(store: KeyValueStore, id: string, input: ImportDefinitionInput, now: Date) {
  // One missing from imports.index (an older race) is listed again by this save, within the limit.
  return saveExistingAfresh(store, id, (existing) => normalise(input, existing, listDefinitions(store), now), {
    gone: () => new AppError('BAD_INPUT', { reason: 'importDeleted' }),
  });
}

function normalise(
  input: ImportDefinitionInput,
  existing: ImportDefinition | null,
  others: ImportDefinition[],
  now: Date,
): ImportDefinition {
  return normaliseDefinition(input, { existing, others, now: now.toISOString(), newId: newImportId });
}
