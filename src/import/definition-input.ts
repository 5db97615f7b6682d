// Saving what the sidebar sends as an import definition: normalised against the stored ones, then stored.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, ImportDefinitionInput } from '../shared/types';
import { listDefinitions, newImportId, saveDefinition, saveExistingAfresh } from '../store/imports-store';
import { normaliseDefinition } from './definition';

/**
 * Imports a spreadsheet may hold. The owner's approvals for one spreadsheet are one UserProperties value, which
 * Google caps at 9 KB: an entry (15-character id, 44-character SHA-256 in base64, quotes) takes about 65 bytes, so
 * about 140 would fit; 50 leaves room, and bounds what one hourly firing has to check.
 */
export const MAX_IMPORTS_PER_SPREADSHEET = 50;

export function saveImportInput(store: KeyValueStore, input: ImportDefinitionInput, now: Date): ImportDefinition {
  if (input?.id) return saveExistingInput(store, input.id, input, now);
  const others = listDefinitions(store);
  refuseBeyondLimit(others);
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
  return saveExistingAfresh(
    store,
    id,
    (existing) => {
      const others = listDefinitions(store);
      // One missing from imports.index (an older race) is listed again by this save: it counts as one more.
      if (!others.some((other) => other.id === id)) refuseBeyondLimit(others);
      return normalise(input, existing, others, now);
    },
    () => new AppError('BAD_INPUT', { reason: 'importDeleted' }),
  );
}

function refuseBeyondLimit(listed: ImportDefinition[]): void {
  if (listed.length >= MAX_IMPORTS_PER_SPREADSHEET) {
    throw new AppError('BAD_INPUT', { reason: 'tooManyImports', max: MAX_IMPORTS_PER_SPREADSHEET });
  }
}

function normalise(
  input: ImportDefinitionInput,
  existing: ImportDefinition | null,
  others: ImportDefinition[],
  now: Date,
): ImportDefinition {
  return normaliseDefinition(input, { existing, others, now: now.toISOString(), newId: newImportId });
}
