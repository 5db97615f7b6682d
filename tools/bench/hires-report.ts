// The hire and offer columns' cost as table rows: each import without and with them, and what they add (pure).
import type { RunMeasure } from './harness';
import type { HiresOffersMeasure } from './hires-offers';
import type { Row } from './report';
import { judge, shownIf } from './verdict';

const s = (seconds: number) => Math.round(seconds * 10) / 10;

/** "+N (+P%)" of `extra` over `base`; P is omitted when base is 0. */
export function added(base: number, extra: number): string {
  const delta = Math.round((extra - base) * 10) / 10;
  const sign = delta >= 0 ? '+' : '';
  return base > 0 ? `${sign}${delta} (${sign}${Math.round((delta / base) * 100)}%)` : `${sign}${delta}`;
}

function status(without: RunMeasure, withColumns: RunMeasure): string {
  const failed = [without, withColumns].map(judge).find((v) => !v.ok);
  return failed && !failed.ok ? `FAILED (${failed.reason})` : 'ok';
}

function pair(name: string, label: string, without: RunMeasure, withColumns: RunMeasure): Row {
  const verdict = status(without, withColumns);
  const shown = shownIf(verdict === 'ok');
  return {
    scenario: name,
    import: label,
    rows: withColumns.rowsInSheet,
    'requests without': shown(without.requests),
    'requests with': shown(withColumns.requests),
    'added requests': shown(added(without.requests, withColumns.requests)),
    's without': shown(s(without.seconds)),
    's with': shown(s(withColumns.seconds)),
    'added s': shown(added(s(without.seconds), s(withColumns.seconds))),
    status: verdict,
  };
}

/** Three rows: opportunities with the offer columns, requisitions with the hire columns, with "Active offers". */
export function hiresOffersRows(name: string, m: HiresOffersMeasure): Row[] {
  const facts = `${m.hires} hires, ${m.withOffers} with offers`;
  return [
    pair(name, `opportunities + offer columns (${facts})`, m.opportunities.without, m.opportunities.with),
    pair(name, 'requisitions + hire columns', m.requisitions.without, m.requisitions.with),
    pair(name, 'requisitions + active offers', m.requisitions.without, m.activeOffers),
  ];
}
