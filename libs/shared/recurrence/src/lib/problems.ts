import { interpolate, type LocalizedText } from '@madang/contracts';

/** Stable codes; clients may switch on them. Never rename one. */
export const SERIES_PROBLEM_CODES = [
  'invalid_time_zone',
  'invalid_start_date',
  'invalid_start_time',
  'invalid_duration',
  'invalid_interval',
  'invalid_weekdays',
  'invalid_day_of_month',
  'invalid_ordinal',
  'invalid_count',
  'invalid_until',
  'until_before_start',
  'too_many_occurrences',
  'span_too_long',
  'no_occurrences',
  'rrule_syntax',
  'rrule_unsupported',
  'not_an_occurrence',
  'split_at_first',
] as const;
export type SeriesProblemCode = (typeof SERIES_PROBLEM_CODES)[number];

export interface SeriesProblem {
  code: SeriesProblemCode;
  /** The input field at fault, as a path into `SeriesDefinition` (or `rrule`, `key`). */
  field: string;
  params: Readonly<Record<string, string | number>>;
  message: LocalizedText;
}

const MESSAGES: Record<SeriesProblemCode, LocalizedText> = {
  invalid_time_zone: { ko: '알 수 없는 시간대입니다: {value}', en: 'Unknown time zone: {value}' },
  invalid_start_date: {
    ko: '시작 날짜는 yyyy-MM-dd 형식의 실제 날짜여야 합니다.',
    en: 'The start date must be a real date in yyyy-MM-dd form.',
  },
  invalid_start_time: {
    ko: '시작 시각은 HH:mm 형식이어야 합니다.',
    en: 'The start time must be in HH:mm form.',
  },
  invalid_duration: {
    ko: '길이는 0보다 커야 하며 일과 분은 0 이상의 정수여야 합니다.',
    en: 'The duration must be positive, with whole non-negative days and minutes.',
  },
  invalid_interval: {
    ko: '반복 간격은 1 이상 {max} 이하의 정수여야 합니다.',
    en: 'The interval must be a whole number from 1 to {max}.',
  },
  invalid_weekdays: {
    ko: '요일을 하나 이상, 중복 없이 1(월)–7(일)로 지정하세요.',
    en: 'Give one or more distinct weekdays, 1 (Monday) to 7 (Sunday).',
  },
  invalid_day_of_month: {
    ko: '날짜는 1–31 또는 -1(말일)이어야 합니다.',
    en: 'The day of the month must be 1–31, or -1 for the last day.',
  },
  invalid_ordinal: {
    ko: '몇째 주는 1–5 또는 -1(마지막)이어야 합니다.',
    en: 'The ordinal must be 1–5, or -1 for the last.',
  },
  invalid_count: {
    ko: '횟수는 1 이상 {max} 이하의 정수여야 합니다.',
    en: 'The count must be a whole number from 1 to {max}.',
  },
  invalid_until: {
    ko: '종료 날짜는 yyyy-MM-dd 형식의 실제 날짜여야 합니다.',
    en: 'The end date must be a real date in yyyy-MM-dd form.',
  },
  until_before_start: {
    ko: '종료 날짜가 시작 날짜보다 앞섭니다.',
    en: 'The end date is before the start date.',
  },
  too_many_occurrences: {
    ko: '반복 일정은 최대 {max}회까지 만들 수 있습니다.',
    en: 'A series may have at most {max} occurrences.',
  },
  span_too_long: {
    ko: '반복 일정은 시작일부터 {max}일 안에 끝나야 합니다.',
    en: 'A series must end within {max} days of its start.',
  },
  no_occurrences: {
    ko: '이 반복 규칙에 해당하는 날짜가 없습니다.',
    en: 'No date matches this recurrence.',
  },
  rrule_syntax: { ko: 'RRULE을 읽을 수 없습니다: {detail}', en: 'The RRULE cannot be read: {detail}' },
  rrule_unsupported: {
    ko: '지원하지 않는 RRULE 항목입니다: {detail}',
    en: 'This RRULE part is not supported: {detail}',
  },
  not_an_occurrence: {
    ko: '{key}은(는) 이 반복 일정의 회차가 아닙니다.',
    en: '{key} is not an occurrence of this series.',
  },
  split_at_first: {
    ko: '첫 회차에서는 나눌 수 없습니다. 반복 일정 전체를 수정하세요.',
    en: 'Cannot split at the first occurrence; edit the whole series instead.',
  },
};

export function seriesProblem(
  code: SeriesProblemCode,
  field: string,
  params: Readonly<Record<string, string | number>> = {},
): SeriesProblem {
  const template = MESSAGES[code];
  return {
    code,
    field,
    params,
    message: { ko: interpolate(template.ko, params), en: interpolate(template.en, params) },
  };
}
