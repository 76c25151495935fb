/** Header carrying the request id; echoed in every response and in audit rows. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
export const API_PREFIX = 'api';
