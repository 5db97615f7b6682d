// Through the built bundle: Google's request sizes (setValues payloads, URL length) kept under every reading.
import type { RunRecord } from '../../src/shared/types';
import { ALL_GAS_READINGS } from '../../tools/gas-emulator';
import { connect, createHarness, EVERYTHING, opportunityImport, saveImport, sheet, USER } from './import-support';

describe('setValues payloads of about 2 MB at most', () => {
  it.each(ALL_GAS_READINGS.setValuesPayload)(
    'writes wide text rows in calls Google accepts (%s reading)',
    (reading) => {
      const h = createHarness({ opportunities: 400, requisitions: 5, readings: { setValuesPayload: reading } });
      // Long, multi-byte headlines: 400 rows of 10 KB each are about 4 MB, in only a few thousand cells.
      for (const [i, opportunity] of h.dataset.opportunities.entries()) {
        opportunity.headline = `${i} ${'Zürich · résumé notes — '.repeat(200)}`;
      }
      connect(h);
      const definition = saveImport(
        h,
        opportunityImport({ filters: EVERYTHING, columns: ['name', 'headline', 'createdAt'] }),
      );
      const result = h.emu.callFromSidebar('runImport', [definition.id], { user: USER, spreadsheetId: h.ssId });
      expect(result.error).toBeUndefined();
      expect((result.value as RunRecord).status).toBe('succeeded');
      expect(result.calls['SpreadsheetApp.Range.setValues']).toBeGreaterThanOrEqual(reading === '2MB' ? 3 : 1);
      const values = sheet(h, 'Opportunities').values();
      const headlines = new Map(h.dataset.opportunities.map((o) => [o.id, o.headline]));
      expect(values.length).toBe(h.dataset.opportunities.length + 1);
      for (const row of values.slice(1)) expect(row[2]).toBe(headlines.get(String(row[0])));
    },
  );
});
