// Saving what the sidebar sends as an import definition: normalised against the stored ones, then stored.
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/store';
import type { ImportDefinition, ImportDefinitionInput } from '../shared/types';
import { listDefinitions, loadDefinition, newImportId, saveDefinition } from '../store/imports-store';
import { normaliseDefinition } from './definition';

/**
 * Imports a spreadsheet may hold. The owner's approvals for one spreadsheet are one UserProperties value, which
 * Google caps at 9 KB: an entry (15-character id, 44-character SHA-256 in base64, quotes) takes about 65 bytes, so
 * about 140 would fit; 50 leaves room, and bounds what one hourly firing has to check.
 */
export const MAX_IMPORTS_PER_SPREADSHEET = 50;

export function saveImportInput(store: KeyValueStore, input: ImportDefinitionInput, now: Date): ImportDefinition {
  const existing = input?.id ? loadDefinition(store, input.id) : null;
  if (input?.id && !existing) throw new AppError('BAD_INPUT', { reason: 'importGone' });
  const others = listDefinitions(store);
  if (!existing && others.length >= MAX_IMPORTS_PER_SPREADSHEET) {
    throw new AppError('BAD_INPUT', { reason: 'tooManyImports', max: MAX_IMPORTS_PER_SPREADSHEET });
  }
  const definition = normaliseDefinition(input, {
    existing,
    others,
    now: now.toISOString(),
    newId: newImportId,
  });
  saveDefinition(store, definition);
  return definition;
}
