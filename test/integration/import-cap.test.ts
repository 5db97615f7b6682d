// The cap on imports per spreadsheet: the 51st new import is refused with a sentence; editing one still works.
import type { ImportDefinition } from '../../src/shared/types';
import { createHarness, opportunityImport, saveImport } from './import-support';

describe('imports per spreadsheet', () => {
  it('refuses a new import past 50, saying why, and still saves changes to existing ones', () => {
    const h = createHarness({ opportunities: 10 });
    const saved: ImportDefinition[] = [];
    for (let n = 1; n <= 50; n++) {
      saved.push(saveImport(h, opportunityImport({ name: `Import ${n}`, sheetName: `Data ${n}` })));
    }
    expect(new Set(saved.map((d) => d.id)).size).toBe(50);
    expect(() => saveImport(h, opportunityImport({ name: 'One more', sheetName: 'Data 51' }))).toThrow(
      'A spreadsheet can hold at most 50 imports, and this one has that many. Delete an import you no longer need, ' +
        'or put this one in another spreadsheet.',
    );
    const renamed = saveImport(h, { ...opportunityImport({ name: 'Renamed', sheetName: 'Data 1' }), id: saved[0].id });
    expect(renamed.name).toBe('Renamed');
  });
});
