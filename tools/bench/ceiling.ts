// Lever's achievable rate at a latency (unknowns 10): a fetchAll round waits for its slowest request and may spend at
// most the burst of 20, so the ceiling is min(10, 20 ÷ latency in s) requests a second of 100 records each.

export const LEVER_RATE_PER_SECOND = 10;
export const LEVER_BURST = 20;
export const RECORDS_PER_PAGE = 100;

export function ceilingRequestsPerSecond(latencyMs: number): number {
  if (!(latencyMs > 0)) return LEVER_RATE_PER_SECOND;
  return Math.min(LEVER_RATE_PER_SECOND, LEVER_BURST / (latencyMs / 1000));
}

export function ceilingRecordsPerSecond(latencyMs: number): number {
  return ceilingRequestsPerSecond(latencyMs) * RECORDS_PER_PAGE;
}
