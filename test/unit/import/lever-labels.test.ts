// Lever's codes shown as Lever's UI shows them; unknown codes and non-text values pass through.
import { ORIGIN_LABELS, REQUISITION_STATUS_LABELS, shownAs } from '../../../src/import/lever-labels';

describe('shownAs', () => {
  const status = shownAs(REQUISITION_STATUS_LABELS);

  it('labels each requisition status as Lever shows it', () => {
    expect(['open', 'onHold', 'closed', 'draft'].map(status)).toEqual(['Open', 'On hold', 'Closed', 'Draft']);
    expect(shownAs(ORIGIN_LABELS)('referred')).toBe('Referred');
  });

  it('keeps a code it does not know, and anything that is not text', () => {
    expect(status('archivedSomeday')).toBe('archivedSomeday');
    expect(status('')).toBe('');
    expect(status('toString')).toBe('toString');
    expect(status(3)).toBe(3);
  });
});
