// Helpers the catalogue's sentence tables share: one describer per reason, numbers and names as users read them.

/** One sentence-maker per `reason` of a code's details; a missing reason does not compile. */
export type ByReason<U extends { reason: string }> = {
  [R in U['reason']]: (details: Extract<U, { reason: R }>) => string;
};

export function byReason<U extends { reason: string }>(table: ByReason<U>): (details: U) => string {
  return (details) => (table[details.reason as U['reason']] as (d: U) => string)(details);
}

/** 1234567 → "1,234,567", whatever the server's locale. */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const ENVIRONMENT_NAMES: Record<string, string> = { production: 'production', sandbox: 'sandbox', eu: 'EU' };

export function environmentName(environment: string): string {
  return ENVIRONMENT_NAMES[environment] ?? environment;
}

/** Lever lets a key read confidential data only if a Super Admin ticked this when creating it. */
export const NEW_KEY_ADVICE =
  "To include them, a Lever Super Admin must create a new key with 'Allow access to confidential data' " +
  'turned on — Lever only allows it when the key is created.';
