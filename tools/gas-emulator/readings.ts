// The readings of Apps Script's behaviour where Google's docs are silent (shared/reference/unknowns.md), one switch each.

/**
 * What an add-on's time-driven trigger execution can reach (unknowns 7), all or nothing:
 * - 'full': active spreadsheet, document properties and document lock all present;
 * - 'no-active-spreadsheet': getActiveSpreadsheet() null, document properties and lock present (the old, mixed mode);
 * - 'none': getActiveSpreadsheet(), getDocumentProperties() and getDocumentLock() all null.
 */
export type TriggerContextReading = 'full' | 'no-active-spreadsheet' | 'none';

/** Whether ScriptApp.getUserTriggers(spreadsheet) lists the add-on's clock triggers (unknowns 8). */
export type TriggerListingReading = 'listed' | 'unlisted';

/** Whether the bundle's Intl knows IANA time zones (unknowns 9); without, a timeZone option other than UTC throws. */
export type IntlZonesReading = 'present' | 'absent';

/**
 * The largest Range.setValues payload (the values as JSON, in UTF-8 bytes) Google accepts. No source gives one for
 * Apps Script: the Sheets API recommends 2 MB and refuses 10 MB ("Request payload size exceeds the limit: 10485760
 * bytes."). Over it, setValues throws that text with the reading's figure.
 */
export type SetValuesPayloadReading = '2MB' | '10MB';

/** UrlFetch's longest URL: "2 KB" in Google's quota table (2,048), "up to 2,082 characters" in fetch's reference. */
export type UrlLengthReading = '2048' | '2082';

export interface GasReadings {
  triggerContext: TriggerContextReading;
  triggerListing: TriggerListingReading;
  intlZones: IntlZonesReading;
  setValuesPayload: SetValuesPayloadReading;
  urlLength: UrlLengthReading;
}

/** The strictest plausible reading of each: the emulator's default. */
export const STRICTEST_GAS_READINGS: Readonly<GasReadings> = {
  triggerContext: 'none',
  triggerListing: 'unlisted',
  intlZones: 'absent',
  setValuesPayload: '2MB',
  urlLength: '2048',
};

/**
 * The strictest readings with the given ones over them. A reading passed as undefined keeps the strict default:
 * a plain spread would copy the undefined and silently switch a check off (Number(undefined) is NaN).
 */
export function mergedGasReadings(given: Partial<GasReadings> = {}): Readonly<GasReadings> {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return { ...STRICTEST_GAS_READINGS, ...Object.fromEntries(set) };
}

export const SET_VALUES_PAYLOAD_BYTES: Readonly<Record<SetValuesPayloadReading, number>> = {
  '2MB': 2 * 1024 * 1024,
  '10MB': 10 * 1024 * 1024,
};

export const ALL_GAS_READINGS = {
  triggerContext: ['full', 'no-active-spreadsheet', 'none'] as const,
  triggerListing: ['listed', 'unlisted'] as const,
  intlZones: ['present', 'absent'] as const,
  setValuesPayload: ['2MB', '10MB'] as const,
  urlLength: ['2048', '2082'] as const,
};
