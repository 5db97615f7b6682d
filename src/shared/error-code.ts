// The error codes the server records and the sidebar may read: one name per situation family.

export const ERROR_CODES = [
  'LEVER_AUTH',
  'LEVER_FORBIDDEN',
  'LEVER_BAD_REQUEST',
  'LEVER_RATE_LIMITED',
  'LEVER_UNAVAILABLE',
  'NO_KEY',
  'BAD_INPUT',
  'SHEET_TOO_BIG',
  'SHEET_MISSING',
  'BUSY',
  'TIME_BUDGET',
  'QUOTA',
  'STORE_FULL',
  'TRIGGER_LIMIT',
  'NOT_OWNER',
  'NOT_APPROVED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
