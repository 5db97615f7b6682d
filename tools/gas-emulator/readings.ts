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

export interface GasReadings {
  triggerContext: TriggerContextReading;
  triggerListing: TriggerListingReading;
  intlZones: IntlZonesReading;
}

/** The strictest plausible reading of each: the emulator's default. */
export const STRICTEST_GAS_READINGS: Readonly<GasReadings> = {
  triggerContext: 'none',
  triggerListing: 'unlisted',
  intlZones: 'absent',
};

export const ALL_GAS_READINGS = {
  triggerContext: ['full', 'no-active-spreadsheet', 'none'] as const,
  triggerListing: ['listed', 'unlisted'] as const,
  intlZones: ['present', 'absent'] as const,
};
