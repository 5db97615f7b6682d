// The catalogue: every code and every reason has a sentence, the details show in it, and a key never does.
import {
  AppError,
  BUSY_SKIP_SENTENCE,
  type ErrorDetailsByCode,
  redact,
  scrubbedError,
  sentenceFor,
  sentenceOf,
  toAppError,
} from '../../../src/errors';
import { ERROR_CODES, type ErrorCode } from '../../../src/shared/error-code';

type DetailsOf<C extends ErrorCode> = ErrorDetailsByCode[C];
/** One sample per reason (or one for a code without reasons): a reason left out does not compile. */
type Samples = {
  [C in ErrorCode]: DetailsOf<C> extends { reason: infer R extends string }
    ? { [K in R]: Extract<DetailsOf<C>, { reason: K }> }
    : { only: DetailsOf<C> };
};

const SAMPLES: Samples = {
  LEVER_AUTH: { only: {} },
  LEVER_FORBIDDEN: {
    endpoint: { reason: 'endpoint', endpoint: 'archive reasons' },
    confidentialKey: { reason: 'confidentialKey' },
    confidentialImport: { reason: 'confidentialImport', object: 'requisitions' },
    takeOverKey: { reason: 'takeOverKey', object: 'opportunities' },
  },
  LEVER_BAD_REQUEST: {
    filter: { reason: 'filter', filter: 'Created after', leverMessage: 'created_at_start is invalid' },
    notFound: { reason: 'notFound', endpoint: 'requisition fields' },
  },
  LEVER_RATE_LIMITED: { only: {} },
  LEVER_UNAVAILABLE: {
    status: { reason: 'status', status: 503 },
    unreadable: { reason: 'unreadable', endpoint: 'postings', problem: 'not JSON' },
    offsetToken: { reason: 'offsetToken', endpoint: 'opportunities' },
  },
  NO_KEY: { connect: { reason: 'connect' }, takeOver: { reason: 'takeOver' } },
  BAD_INPUT: {
    notOneOf: { reason: 'notOneOf', field: 'Archived', allowed: ['exclude', 'include', 'only'] },
    empty: { reason: 'empty', field: 'The sheet name' },
    tooLong: { reason: 'tooLong', field: 'The import name', max: 100 },
    notDate: { reason: 'notDate', field: '"Created after"' },
    notList: { reason: 'notList', field: 'Tags' },
    listTooLong: { reason: 'listTooLong', field: 'Stages', max: 50 },
    filterValueTooLong: { reason: 'filterValueTooLong', filter: 'tag' },
    filterObject: { reason: 'filterObject', filter: 'requisition status', object: 'requisitions' },
    dateOrder: { reason: 'dateOrder', after: '2026-02-01', before: '2026-01-01' },
    hiredDateOrder: { reason: 'hiredDateOrder', after: '2026-02-01', before: '2026-01-01' },
    columnsNotList: { reason: 'columnsNotList' },
    unknownColumn: { reason: 'unknownColumn', column: 'salary', object: 'opportunities' },
    reservedSheet: { reason: 'reservedSheet' },
    sheetTaken: { reason: 'sheetTaken', importName: 'Pipeline', sheetName: 'Data' },
    settingsMissing: { reason: 'settingsMissing' },
    object: { reason: 'object' },
    importGone: { reason: 'importGone' },
    importDeleted: { reason: 'importDeleted' },
    tooManyImports: { reason: 'tooManyImports', max: 50 },
    notRunning: { reason: 'notRunning' },
    runEnvironment: { reason: 'runEnvironment', importName: 'Pipeline', wanted: 'sandbox', saved: 'production' },
    takeOverEnvironment: { reason: 'takeOverEnvironment', importName: 'Pipeline', wanted: 'eu', saved: 'sandbox' },
    notScheduled: { reason: 'notScheduled', importName: 'Pipeline' },
    unknownUser: { reason: 'unknownUser', action: 'takeOver' },
    failureEmails: { reason: 'failureEmails' },
    scheduleMissing: { reason: 'scheduleMissing' },
    interval: { reason: 'interval', allowed: [1, 2, 4] },
    hour: { reason: 'hour' },
    weekDay: { reason: 'weekDay' },
    scheduleKind: { reason: 'scheduleKind' },
    scheduleCalls: { reason: 'scheduleCalls', importName: 'Pipeline', requests: 600, perDay: 14_400, limit: 20_000 },
    keyEmpty: { reason: 'keyEmpty' },
    keyTooLong: { reason: 'keyTooLong' },
    keyCharacters: { reason: 'keyCharacters' },
    environment: { reason: 'environment', allowed: ['production', 'sandbox', 'eu'] },
  },
  SHEET_TOO_BIG: {
    grow: { reason: 'grow', added: 1_500_000, total: 10_200_000, max: 10_000_000 },
    projected: { reason: 'projected', fetchedRows: 800_000, added: 1_500_000, total: 10_200_000, max: 10_000_000 },
    write: { reason: 'write', cells: 7_000_000, max: 6_500_000 },
  },
  SHEET_MISSING: {
    noSpreadsheet: { reason: 'noSpreadsheet' },
    targetDeleted: { reason: 'targetDeleted', sheetName: 'Data', importName: 'Pipeline' },
  },
  BUSY: { only: {} },
  TIME_BUDGET: {
    execution: { reason: 'execution' },
    lookups: { reason: 'lookups' },
    access: { reason: 'access' },
    probe: { reason: 'probe' },
  },
  QUOTA: { only: { message: 'Service invoked too many times for one day: urlfetch.' } },
  STORE_FULL: { only: {} },
  TRIGGER_LIMIT: {
    perDocument: { reason: 'perDocument' },
    perScript: { reason: 'perScript' },
    other: { reason: 'other', message: 'Trigger service unavailable.' },
  },
  NOT_OWNER: { only: { owner: 'ana@example.com' } },
  NOT_APPROVED: { only: { owner: 'ana@example.com' } },
  INTERNAL: {
    unexpected: { reason: 'unexpected', message: 'Cannot read properties of null.' },
    sidebar: { reason: 'sidebar', message: 'Cannot read properties of null.' },
    unreadableProgress: { reason: 'unreadableProgress' },
    storedValueTooLarge: { reason: 'storedValueTooLarge', key: 'import.abc', length: 50_001 },
    interrupted: { reason: 'interrupted' },
    baseMissing: { reason: 'baseMissing' },
    dateFormat: { reason: 'dateFormat', text: '2026/01/05' },
  },
};

function samplesOf(code: ErrorCode): { code: ErrorCode; details: Record<string, unknown> }[] {
  return Object.values(SAMPLES[code]).map((details) => ({ code, details: details as Record<string, unknown> }));
}

const ALL = ERROR_CODES.flatMap(samplesOf);
const KEY = 'sk_live_TopSecretLeverKey123';
/** Facts worded rather than shown as they are: the reason, the action verb, an environment's display name. */
const WORDED = new Set(['reason', 'action', 'wanted', 'saved']);

describe('the error catalogue', () => {
  it.each(ERROR_CODES.map((code) => [code]))('words every reason of %s', (code) => {
    const samples = samplesOf(code);
    expect(samples.length).toBeGreaterThan(0);
    for (const { details } of samples) {
      const sentence = sentenceFor(code, details as never);
      expect(sentence.length).toBeGreaterThan(20);
      expect(sentence).not.toMatch(/undefined|\[object|NaN/);
    }
  });

  it('shows the facts the details carry', () => {
    for (const { code, details } of ALL) {
      const sentence = sentenceFor(code, details as never);
      for (const [name, value] of Object.entries(details)) {
        if (WORDED.has(name)) continue;
        const shown = Array.isArray(value) ? value.join(', ') : String(value);
        expect({ code, name, found: sentence.includes(shown) || sentence.includes(thousands(value)) }).toEqual({
          code,
          name,
          found: true,
        });
      }
    }
  });

  it('gives one sentence per situation: every code and reason reads differently', () => {
    const sentences = ALL.map(({ code, details }) => sentenceFor(code, details as never));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('words an AppError from its code and details, the same at every edge', () => {
    const error = new AppError('LEVER_FORBIDDEN', { reason: 'endpoint', endpoint: 'postings' });
    expect(error.message).toBe(
      'This key cannot read postings. Ask a Lever Super Admin for a key with Read access to postings.',
    );
    expect(sentenceOf(error)).toBe(error.message);
    expect(JSON.parse(JSON.stringify(error.details))).toEqual(error.details);
  });

  it('says the add-on is busy on a BUSY, since a script-lock timeout need not mean an import runs here', () => {
    // The script lock spans every user and spreadsheet of the add-on: its timeout reads as BUSY too.
    const busy = toAppError(new Error('Lock timeout: another process was holding the lock for too long.')).message;
    expect(busy).toMatch(/^Lever for Sheets is busy: usually another import is already running in this spreadsheet/);
    expect(busy).not.toMatch(/^An import is already running/);
    expect(BUSY_SKIP_SENTENCE).toMatch(/^Skipped: Lever for Sheets was busy \(usually another import was running/);
  });

  it('words Apps Script failures with their codes, BUSY one way', () => {
    expect(toAppError(new Error('Lock timeout: another process was holding the lock')).message).toBe(
      new AppError('BUSY', {}).message,
    );
    expect(toAppError(new Error('Exceeded maximum execution time')).code).toBe('TIME_BUDGET');
    expect(
      toAppError(
        new Error('You have exceeded the property storage quota. Please remove some properties and try again.'),
      ).code,
    ).toBe('STORE_FULL');
    expect(toAppError('plain text').message).toBe('plain text');
    const lookAlike = {
      name: 'AppError',
      code: 'NOT_OWNER',
      message: 'old words',
      details: { owner: 'ana@example.com' },
    };
    expect(toAppError(lookAlike).message).toBe(new AppError('NOT_OWNER', { owner: 'ana@example.com' }).message);
  });
});

describe('keys never reach a sentence', () => {
  const scrub = (text: string) => redact(text, [KEY]);

  it('scrubs a key out of every text a detail carries, whatever the code', () => {
    for (const { code, details } of ALL) {
      const leaky = Object.fromEntries(
        Object.entries(details).map(([name, value]) => [
          name,
          typeof value === 'string' && !WORDED.has(name) ? `${value} ${KEY}` : value,
        ]),
      );
      const error = new AppError(code, leaky as never);
      expect(sentenceOf(scrubbedError(error, scrub))).not.toContain(KEY);
      expect(sentenceOf(toAppError(error, [KEY]))).not.toContain(KEY);
    }
  });

  it('scrubs the key and Basic credentials from any thrown text', () => {
    const basic = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
    const error = toAppError(new Error(`Request failed with ${KEY} and header ${basic}`), [KEY]);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(basic);
    expect(error.message).toContain('[redacted]');
  });
});

function thousands(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
}
