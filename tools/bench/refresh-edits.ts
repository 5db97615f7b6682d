// What changes in a Lever account between two hourly refreshes: a share of opportunities edited (renamed, moved on a
// stage, a few archived), each with a new updatedAt inside the hour, as a recruiting team's day would leave them.
import { watchDataset } from '../lever-sim/dataset-watch';
import type { LeverDataset } from '../lever-sim/types';
import { evenlyPicked } from './dataset-shapes';

export const EDIT_MARK = ' (edited)';
/** One edit in ten archives the record, so that a refresh must also make rows leave the sheet. */
const ARCHIVE_EVERY = 10;

export interface EditSummary {
  edited: number;
  archived: number;
  /** IDs renamed (not archived): those the import's filters match must show the new name after a refresh. */
  renamedIds: string[];
}

/**
 * Edits round(count × share) opportunities that the import shows (not archived), with updatedAt between `from`
 * and `to`. Field edits are read live by the simulator; no index changes.
 */
export function editOpportunities(dataset: LeverDataset, share: number, from: number, to: number): EditSummary {
  const shown = watchDataset(dataset)
    .raw('opportunities')
    .filter((o) => o.archived === null);
  const stages = watchDataset(dataset).raw('stages');
  const reason = watchDataset(dataset).raw('archiveReasons')[0]?.id ?? '';
  const summary: EditSummary = { edited: 0, archived: 0, renamedIds: [] };
  const picked = evenlyPicked(shown.length, share);
  picked.forEach((index, k) => {
    const o = shown[index];
    const at = from + Math.floor(((k + 0.5) / picked.length) * (to - from));
    o.updatedAt = at;
    summary.edited += 1;
    if (k % ARCHIVE_EVERY === ARCHIVE_EVERY - 1) {
      o.archived = { archivedAt: at, reason };
      summary.archived += 1;
      return;
    }
    o.name += EDIT_MARK;
    if (stages.length > 0) o.stage = stages[k % stages.length].id;
    o.lastAdvancedAt = at;
    summary.renamedIds.push(o.id);
  });
  return summary;
}
