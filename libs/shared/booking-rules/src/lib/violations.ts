import {
  LOCALES,
  interpolate,
  VIOLATION_CODES,
  type Locale,
  type LocalizedText,
  type Violation,
  type ViolationCode,
} from '@madang/contracts';

export { VIOLATION_CODES, type Violation, type ViolationCode };
import { withParticle } from './format';

/**
 * Message templates. `{asset}` is the asset name, `{assetTopic}` / `{assetSubject}` the name with
 * the Korean particle 은/는 or 이/가; other placeholders are filled per locale by the caller.
 */
export const VIOLATION_MESSAGES = {
  invalid_time: {
    ko: '시작 또는 종료 시각을 읽을 수 없습니다. 시간대가 포함된 ISO 8601 형식이어야 합니다.',
    en: 'The start or end time could not be read; it must be ISO 8601 with a time-zone offset.',
  },
  invalid_range: {
    ko: '종료 시각은 시작 시각보다 늦어야 합니다.',
    en: 'The end time must be after the start time.',
  },
  in_the_past: {
    ko: '이미 지난 시간은 예약할 수 없습니다.',
    en: 'You cannot book a time that has already passed.',
  },
  no_items: {
    ko: '예약할 공간이나 장비를 하나 이상 골라 주세요.',
    en: 'Choose at least one space or piece of equipment.',
  },
  duplicate_item: {
    ko: '{assetSubject} 요청에 두 번 이상 들어 있습니다. 한 번만 넣고 수량을 정해 주세요.',
    en: '{asset} appears more than once in the request; list it once with a quantity.',
  },
  attendees_invalid: {
    ko: '참석 인원은 0 이상의 정수여야 합니다.',
    en: 'The number of attendees must be a whole number, zero or more.',
  },
  group_not_member: {
    ko: '선택한 단체의 구성원이 아니어서 그 단체 이름으로 예약할 수 없습니다.',
    en: 'You are not a member of the selected group, so you cannot book on its behalf.',
  },
  asset_unknown: {
    ko: '요청한 공간 또는 장비({assetId})를 찾을 수 없습니다.',
    en: 'The requested space or equipment ({assetId}) does not exist.',
  },
  asset_inactive: {
    ko: '{assetTopic} 지금 예약을 받지 않습니다.',
    en: '{asset} is not taking bookings at the moment.',
  },
  not_eligible: {
    ko: '{assetTopic} 예약할 수 있는 사람이 정해져 있습니다: {who}.',
    en: '{asset} can only be booked by: {who}.',
  },
  'outside_opening_hours.closed': {
    ko: '{assetTopic} {weekday}에 문을 닫습니다.',
    en: '{asset} is closed on {weekday}.',
  },
  'outside_opening_hours.hours': {
    ko: '{assetTopic} {weekday}에는 {hours}에만 이용할 수 있습니다.',
    en: '{asset} is open only {hours} on {weekday}.',
  },
  closed_on_date: {
    ko: '{assetTopic} {date}에 휴관합니다({reason}).',
    en: '{asset} is closed on {date} ({reason}).',
  },
  misaligned_to_slot: {
    ko: '{assetTopic} {step} 단위로만 예약할 수 있습니다. 시작과 끝 시각을 맞춰 주세요.',
    en: '{asset} can only be booked in steps of {step}; adjust the start and end times.',
  },
  too_short: {
    ko: '{assetTopic} 최소 {min} 이상 예약해야 합니다(요청: {actual}).',
    en: '{asset} must be booked for at least {min} (requested {actual}).',
  },
  too_long: {
    ko: '{assetTopic} 한 번에 최대 {max}까지 예약할 수 있습니다(요청: {actual}).',
    en: '{asset} can be booked for at most {max} at a time (requested {actual}).',
  },
  notice_too_short: {
    ko: '{assetTopic} 시작 {notice} 전까지 예약해야 합니다.',
    en: '{asset} must be booked at least {notice} before it starts.',
  },
  too_far_ahead: {
    ko: '{assetTopic} {days} 앞까지만 예약할 수 있습니다(마지막 예약 가능일: {lastDate}).',
    en: '{asset} can be booked at most {days} ahead (last bookable day: {lastDate}).',
  },
  over_capacity: {
    ko: '{assetTopic} 최대 {capacity}명까지 이용할 수 있습니다(참석 인원 {attendees}명).',
    en: '{asset} holds at most {capacity} people ({attendees} attendees).',
  },
  'quantity_invalid.pool': {
    ko: '{asset} 수량은 1개에서 {poolSize}개 사이여야 합니다(요청: {quantity}개).',
    en: 'The quantity of {asset} must be between 1 and {poolSize} (requested {quantity}).',
  },
  'quantity_invalid.single': {
    ko: '{assetTopic} 하나만 예약할 수 있습니다(요청 수량: {quantity}).',
    en: '{asset} can only be booked as a single unit (requested quantity {quantity}).',
  },
  range_too_long: {
    ko: '요청한 기간이 너무 깁니다. 한 번에 최대 {maxDays}일까지 요청할 수 있습니다.',
    en: 'The requested time range is too long; a request may span at most {maxDays} days.',
  },
  too_many_pending: {
    ko: '{asset}에 대해 승인을 기다리는 예약 요청이 이미 {pending}건 있습니다. 한 사람이 한 번에 최대 {limit}건까지 대기할 수 있으니, 결정을 기다리거나 필요 없는 요청을 취소해 주세요.',
    en: 'You already have {pending} requests for {asset} awaiting approval; one person may have at most {limit} pending at a time. Wait for a decision or cancel one you no longer need.',
  },
  no_show_suspended: {
    ko: '최근 {periodDays}일 동안 예약하고 오지 않은 일이 {count}번 있어 {asset} 직접 예약이 잠시 멈췄습니다. 담당자에게 문의해 주세요.',
    en: 'Self-service booking of {asset} is paused: {count} no-shows in the last {periodDays} days. Please contact the staff.',
  },
  quota_bookings_exceeded: {
    ko: '{assetTopic} {scope} {period} {limit}회까지 예약할 수 있습니다(이번 {periodName} 이미 {used}회).',
    en: '{asset} can be booked at most {limitTimes} per {period} per {scope} ({used} already this {period}).',
  },
  quota_hours_exceeded: {
    ko: '{assetTopic} {scope} {period} 최대 {limit}까지 예약할 수 있습니다(이번 {periodName} 이미 {used}, 이번 요청 {requested}).',
    en: '{asset} can be booked for at most {limit} per {period} per {scope} ({used} already this {period}, {requested} requested).',
  },
  cancel_after_start: {
    ko: '이미 시작된 예약은 취소할 수 없습니다.',
    en: 'A booking that has already started cannot be cancelled.',
  },
} as const satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof VIOLATION_MESSAGES;

export interface ViolationOptions {
  /** Template variant; defaults to the code. */
  key?: MessageKey;
  asset?: { id: string; name: LocalizedText };
  /** Localized placeholder values (weekday names, formatted durations, …). */
  text?: (locale: Locale) => Record<string, string | number>;
}

export function makeViolation(
  code: ViolationCode,
  params: Record<string, string | number> = {},
  options: ViolationOptions = {},
): Violation {
  const key = options.key ?? code;
  const template: LocalizedText | undefined = (VIOLATION_MESSAGES as Record<string, LocalizedText>)[key];
  if (!template) throw new Error(`No message template for ${key}`);
  const message = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const name = options.asset?.name[locale] ?? '';
    const values = {
      ...params,
      ...(options.asset
        ? {
            asset: name,
            assetTopic: withParticle(name, '은', '는'),
            assetSubject: withParticle(name, '이', '가'),
          }
        : {}),
      ...(options.text?.(locale) ?? {}),
    };
    message[locale] = interpolate(template[locale], values);
  }
  return { code, ...(options.asset ? { assetId: options.asset.id } : {}), params, message };
}
