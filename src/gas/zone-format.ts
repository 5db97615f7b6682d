// ZoneFormat over Utilities.formatDate (documented), for where Apps Script's Intl has no time-zone data (unknowns 9).
import { AppError } from '../errors';
import type { LocalDateTime } from '../ports/clock';

/** The wall-clock reading of instant `ms` in `zone`, from one Utilities.formatDate call. */
export function utilitiesDateTime(ms: number, zone: string): LocalDateTime {
  const text = Utilities.formatDate(new Date(ms), zone, 'yyyy-MM-dd HH:mm:ss');
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new AppError('INTERNAL', { reason: 'dateFormat', text });
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return { year, month, day, hour, minute, second };
}
