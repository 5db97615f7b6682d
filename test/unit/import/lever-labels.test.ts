// Lever's codes shown as Lever's UI shows them; unknown codes and non-text values pass through.
import { columnSpec } from '../../../src/import/columns';
import {
  APPROVAL_STATUS_LABELS,
  CONFIDENTIALITY_LABELS,
  ORIGIN_LABELS,
  PAY_INTERVAL_LABELS,
  REQUISITION_STATUS_LABELS,
  shownAs,
} from '../../../src/import/lever-labels';
import { renderValue } from '../../../src/import/rows';
import { emptyLookups } from '../../../src/lever/lookups';

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

describe('coded columns', () => {
  const rendered = (object: 'opportunities' | 'requisitions', key: string, code: string) => {
    const spec = columnSpec(object, key);
    if (!spec) throw new Error(`no column ${key}`);
    return renderValue(spec, code, emptyLookups());
  };

  it('shows confidentiality, pay interval and approval status by their labels', () => {
    expect(rendered('requisitions', 'confidentiality', 'non-confidential')).toBe('Not confidential');
    expect(rendered('opportunities', 'confidentiality', 'confidential')).toBe('Confidential');
    expect(rendered('requisitions', 'compensationInterval', 'per-hour-wage')).toBe('Per hour');
    expect(rendered('requisitions', 'approvalStatus', 'approved')).toBe('Approved');
    expect(rendered('requisitions', 'approvalStatus', 'escalated')).toBe('escalated');
  });

  it('labels every code once', () => {
    for (const labels of [CONFIDENTIALITY_LABELS, PAY_INTERVAL_LABELS, APPROVAL_STATUS_LABELS]) {
      const shown = Object.values(labels);
      expect(new Set(shown).size).toBe(shown.length);
      expect(shown.every((label) => /^[A-Z]/.test(label))).toBe(true);
    }
  });
});
