// Execution-wide setup the composition root does once, before any global runs: the zone reader for schedule hours.
import { utilitiesDateTime } from '../gas/zone-format';
import { useZoneFallback } from '../schedule/zone';

/** Schedule hours read wall clocks through Utilities.formatDate wherever Apps Script's Intl lacks zone data. */
export function configureRuntime(): void {
  useZoneFallback(utilitiesDateTime);
}
