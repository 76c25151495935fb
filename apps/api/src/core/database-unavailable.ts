/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * True when an error means "the database cannot be reached or is shutting down" rather than "this
 * query is wrong": refused or reset connections, pool connect timeouts, PostgreSQL's connection
 * exceptions (class 08), admin/crash shutdown (57P01–57P03) and too many connections (53300).
 * Such a request is answered 503 with Retry-After, and logged in one line without a stack.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|connection is closed|Cannot use a pool after calling end/i;

export function databaseUnavailableCode(error: unknown): string | null {
  for (const e of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    if (typeof e !== 'object' || e === null) continue;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08/.test(code)))
      return code;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && MESSAGES.test(message)) return 'connection';
  }
  return null;
}
