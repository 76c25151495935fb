import type { LocalizedText } from './locale';

/**
 * Stable error codes. The API maps each to an HTTP status in one exhaustive switch;
 * clients branch on the code, never on the message.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'own_request',
  'csrf_failed',
  'not_found',
  'email_taken',
  'wrong_current_password',
  'too_many_attempts',
  'conflict',
  'state_conflict',
  'slot_taken',
  'rule_violation',
  'settlement_rule',
  'lab_rule',
  'range_too_long',
  'idempotency_key_reused',
  'payload_too_large',
  'headers_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, LocalizedText>> = {
  validation_failed: { ko: '입력한 값을 확인해 주세요.', en: 'Please check the values you entered.' },
  malformed_request: { ko: '요청 형식이 올바르지 않습니다.', en: 'The request is not well-formed.' },
  unauthenticated: { ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  invalid_credentials: {
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    en: 'The e-mail address or password is not correct.',
  },
  forbidden: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  own_request: {
    ko: '본인이 신청한 예약은 다른 승인 담당자가 결정해야 합니다.',
    en: 'Your own request must be decided by another approver.',
  },
  csrf_failed: {
    ko: '보안 토큰이 없거나 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    en: 'The security token is missing or does not match. Reload the page and try again.',
  },
  not_found: { ko: '찾을 수 없습니다.', en: 'Not found.' },
  email_taken: { ko: '이미 가입된 이메일입니다.', en: 'This e-mail address is already registered.' },
  wrong_current_password: {
    ko: '현재 비밀번호가 맞지 않습니다.',
    en: 'The current password is not correct.',
  },
  too_many_attempts: {
    ko: '로그인 시도가 너무 많습니다. {seconds}초 후에 다시 시도해 주세요.',
    en: 'Too many sign-in attempts. Try again in {seconds} seconds.',
  },
  conflict: { ko: '다른 변경과 충돌했습니다.', en: 'This conflicts with another change.' },
  state_conflict: {
    ko: '현재 상태에서는 할 수 없는 작업입니다.',
    en: 'This cannot be done in the current state.',
  },
  slot_taken: { ko: '이미 예약된 시간입니다.', en: 'That time is already taken.' },
  rule_violation: { ko: '대관 규칙에 맞지 않습니다.', en: 'The request breaks the rental rules.' },
  settlement_rule: {
    ko: '정산 규칙에 맞지 않습니다.',
    en: 'The change breaks a settlement rule.',
  },
  lab_rule: {
    ko: '리빙랩 규칙에 맞지 않습니다.',
    en: 'The change breaks a living-lab rule.',
  },
  range_too_long: {
    ko: '요청한 기간이 너무 깁니다. 기간을 줄여 다시 시도해 주세요.',
    en: 'The requested time range is too long. Please ask for a shorter range.',
  },
  idempotency_key_reused: {
    ko: '같은 Idempotency-Key가 다른 요청에 이미 쓰였습니다.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  payload_too_large: { ko: '보낸 내용이 너무 큽니다.', en: 'The request is too large.' },
  headers_too_large: {
    ko: '주소(URL) 또는 요청 헤더가 너무 깁니다. 검색 조건을 줄여 주세요.',
    en: 'The address (URL) or the request headers are too long. Please send fewer search conditions.',
  },
  unsupported_media_type: { ko: '지원하지 않는 형식입니다.', en: 'This content type is not supported.' },
  service_unavailable: {
    ko: '지금은 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'The service is unavailable right now. Please try again shortly.',
  },
  internal_error: {
    ko: '일시적인 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
};

/** Per-field validation reasons. Placeholders like `{min}` are filled from the constraint. */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'not_string',
  'not_integer',
  'not_number',
  'not_boolean',
  'not_array',
  'not_object',
  'not_email',
  'not_uuid',
  'not_date',
  'not_in',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'too_few',
  'too_many',
  'password_too_common',
  'span_too_long',
  'nul_character',
  'lone_surrogate',
  'too_deep',
  'not_null',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const FIELD_ERROR_MESSAGES: Readonly<Record<FieldErrorCode, LocalizedText>> = {
  required: { ko: '필수 항목입니다.', en: 'This field is required.' },
  unknown_field: { ko: '알 수 없는 항목입니다.', en: 'This field is not allowed.' },
  not_string: { ko: '글자로 입력해 주세요.', en: 'Must be text.' },
  not_integer: { ko: '정수로 입력해 주세요.', en: 'Must be a whole number.' },
  not_number: { ko: '숫자로 입력해 주세요.', en: 'Must be a number.' },
  not_boolean: { ko: '참 또는 거짓이어야 합니다.', en: 'Must be true or false.' },
  not_array: { ko: '목록이어야 합니다.', en: 'Must be a list.' },
  not_object: { ko: '객체여야 합니다.', en: 'Must be an object.' },
  not_email: { ko: '올바른 이메일 주소가 아닙니다.', en: 'Must be a valid e-mail address.' },
  not_uuid: { ko: '올바른 식별자(UUID)가 아닙니다.', en: 'Must be a valid identifier (UUID).' },
  not_date: {
    ko: 'ISO 8601 날짜·시간(시간대 포함)이어야 합니다.',
    en: 'Must be an ISO 8601 date-time with a time zone.',
  },
  not_in: { ko: '허용된 값 중 하나여야 합니다: {values}', en: 'Must be one of: {values}' },
  too_short: { ko: '{min}자 이상이어야 합니다.', en: 'Must be at least {min} characters.' },
  too_long: { ko: '{max}자 이하여야 합니다.', en: 'Must be at most {max} characters.' },
  too_small: { ko: '{min} 이상이어야 합니다.', en: 'Must be at least {min}.' },
  too_large: { ko: '{max} 이하여야 합니다.', en: 'Must be at most {max}.' },
  too_few: { ko: '{min}개 이상이어야 합니다.', en: 'Must have at least {min} entries.' },
  too_many: { ko: '{max}개 이하여야 합니다.', en: 'Must have at most {max} entries.' },
  password_too_common: {
    ko: '너무 흔한 비밀번호입니다. 다른 비밀번호를 골라 주세요.',
    en: 'This password is too common. Please choose another.',
  },
  span_too_long: {
    ko: '기간은 최대 {days}일까지 요청할 수 있습니다.',
    en: 'The range may span at most {days} days.',
  },
  nul_character: {
    ko: 'NUL 문자(\\u0000)는 쓸 수 없습니다.',
    en: 'The NUL character (\\u0000) is not allowed.',
  },
  lone_surrogate: {
    ko: '올바르지 않은 유니코드 문자(짝이 없는 서로게이트)가 들어 있습니다.',
    en: 'Contains an invalid Unicode character (a lone surrogate).',
  },
  too_deep: {
    ko: 'JSON이 너무 깊게 중첩되어 있습니다(최대 {max}단계).',
    en: 'The JSON is nested too deeply (at most {max} levels).',
  },
  not_null: {
    ko: '이 항목은 비울(null) 수 없습니다.',
    en: 'This field cannot be null.',
  },
  invalid: { ko: '올바르지 않은 값입니다.', en: 'This value is not valid.' },
};

export interface FieldError {
  /** Dotted path of the field, e.g. `items.0.assetId`. */
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** RFC 9457 problem details, as every Madang error is sent (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** Extra, code-specific facts (e.g. `retryAfterSeconds`, `violations`, `conflicts`). */
  [extension: string]: unknown;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
