// The hour between two refreshes: 1% of the shown opportunities edited, a tenth of those archived.
import { EDIT_MARK, editOpportunities } from '../../tools/bench/refresh-edits';
import { generateDataset } from '../../tools/lever-sim';

const NOW = Date.UTC(2026, 0, 5, 14);
const HOUR = 3_600_000;

describe('editOpportunities', () => {
  it('edits the share of shown records inside the hour, renaming most and archiving some', () => {
    const dataset = generateDataset({ seed: 4, opportunities: 3000, requisitions: 1, now: NOW });
    const shown = dataset.opportunities.filter((o) => o.archived === null).length;
    const summary = editOpportunities(dataset, 0.01, NOW, NOW + HOUR);
    expect(summary.edited).toBe(Math.round(shown * 0.01));
    expect(summary.archived).toBe(Math.floor(summary.edited / 10));
    expect(summary.renamedIds).toHaveLength(summary.edited - summary.archived);
    const touched = dataset.opportunities.filter((o) => o.updatedAt !== null && o.updatedAt >= NOW);
    expect(touched).toHaveLength(summary.edited);
    expect(touched.every((o) => (o.updatedAt as number) < NOW + HOUR)).toBe(true);
    const renamed = dataset.opportunities.filter((o) => o.name.endsWith(EDIT_MARK)).map((o) => o.id);
    expect(renamed.sort()).toEqual([...summary.renamedIds].sort());
    expect(touched.filter((o) => o.archived !== null && o.archived.archivedAt >= NOW)).toHaveLength(summary.archived);
  });
});
