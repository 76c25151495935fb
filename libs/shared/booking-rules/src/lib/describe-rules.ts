import {
  GROUP_KIND_LABELS,
  ROLE_LABELS,
  type GroupKind,
  type Locale,
  type RentalRulesOverride,
  type Role,
} from '@madang/contracts';
import { formatDuration, formatKrw, formatLocalDate, joinOr, weekdayName } from './format';
import type { IsoWeekday } from './types';

/**
 * One rule in one sentence, for the rules editor's preview. `path` is the schema path of the rule
 * (`closures[0]`, `quotas[1]`, `pricing.waivers[0]` …), so the editor can show the sentence next to
 * the controls that set it.
 */
export interface RuleSentence {
  path: string;
  text: string;
}

type Who = { roles?: Role[]; groupKinds?: GroupKind[]; groupTags?: string[] };

const roleNames = (roles: Role[] | undefined, locale: Locale) =>
  (roles ?? []).map((r) => ROLE_LABELS[r][locale]);
const kindNames = (kinds: GroupKind[] | undefined, locale: Locale) =>
  (kinds ?? []).map((k) => GROUP_KIND_LABELS[k][locale]);

/** "'resident_base' 태그 그룹" / "groups tagged 'resident_base'": standing group tags. */
const tagNames = (tags: string[] | undefined, locale: Locale) =>
  (tags ?? []).map((t) => (locale === 'ko' ? `'${t}' 태그 그룹` : `groups tagged '${t}'`));

/** "주민 또는 주민 팀" / "Resident or Resident team": the people a rule names. */
function who(w: Who, locale: Locale): string {
  const roles = roleNames(w.roles, locale);
  const kinds = kindNames(w.groupKinds, locale).map((k) =>
    locale === 'ko' ? `${k} 예약` : `bookings for a ${k}`,
  );
  const tags = tagNames(w.groupTags, locale).map((t) =>
    locale === 'ko' ? `${t} 예약` : `bookings for ${t}`,
  );
  return joinOr([...roles, ...kinds, ...tags], locale);
}

function days(weekdays: IsoWeekday[], locale: Locale): string {
  const sorted = [...weekdays].sort((a, b) => a - b);
  return joinOr(
    sorted.map((d) => weekdayName(d, locale)),
    locale,
  );
}

const range = (from: string, to: string, locale: Locale) =>
  from === to
    ? formatLocalDate(from, locale)
    : `${formatLocalDate(from, locale)} – ${formatLocalDate(to, locale)}`;

/**
 * The rules of a document (a full rules document or an override: only what it sets) as sentences,
 * in the order of the editor. Pure and deterministic: the same document always reads the same.
 */
export function describeRules(doc: RentalRulesOverride, locale: Locale): RuleSentence[] {
  const ko = locale === 'ko';
  const out: RuleSentence[] = [];
  const say = (path: string, text: string) => out.push({ path, text });

  const hours = doc.openingHours;
  if (hours) {
    if (hours.length === 0) say('openingHours', ko ? '항상 닫혀 있습니다.' : 'Always closed.');
    else {
      const parts = ([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[]).flatMap((d) => {
        const spans = hours
          .filter((h) => h.weekday === d)
          .sort((a, b) => a.open.localeCompare(b.open))
          .map((h) => `${h.open}–${h.close}`);
        return spans.length ? [`${weekdayName(d, locale)} ${spans.join(', ')}`] : [];
      });
      say('openingHours', ko ? `이용 시간: ${parts.join('; ')}.` : `Open ${parts.join('; ')}.`);
    }
  }
  (doc.closures ?? []).forEach((c, i) =>
    say(
      `closures[${i}]`,
      ko
        ? `${range(c.from, c.to, locale)}에는 닫습니다 (${c.reason.ko}).`
        : `Closed ${range(c.from, c.to, locale)} (${c.reason.en}).`,
    ),
  );
  if (doc.minDurationMinutes !== undefined || doc.maxDurationMinutes !== undefined) {
    const min = doc.minDurationMinutes !== undefined ? formatDuration(doc.minDurationMinutes, locale) : null;
    const max = doc.maxDurationMinutes !== undefined ? formatDuration(doc.maxDurationMinutes, locale) : null;
    const text = ko
      ? `한 번에 ${[min && `최소 ${min}`, max && `최대 ${max}`].filter(Boolean).join(', ')} 예약할 수 있습니다.`
      : `A booking lasts ${[min && `at least ${min}`, max && `at most ${max}`].filter(Boolean).join(' and ')}.`;
    say('duration', text);
  }
  if (doc.slotStepMinutes !== undefined) {
    const step = formatDuration(doc.slotStepMinutes, locale);
    say('slotStepMinutes', ko ? `시작과 끝은 ${step} 단위입니다.` : `Starts and ends fall on ${step} steps.`);
  }
  if (doc.minNoticeMinutes !== undefined) {
    const n = formatDuration(doc.minNoticeMinutes, locale);
    say(
      'minNoticeMinutes',
      ko ? `시작 ${n} 전까지 신청해야 합니다.` : `Request at least ${n} before the start.`,
    );
  }
  if (doc.maxAdvanceDays !== undefined) {
    const d = doc.maxAdvanceDays;
    say('maxAdvanceDays', ko ? `최대 ${d}일 앞까지 예약할 수 있습니다.` : `Book at most ${d} days ahead.`);
  }
  (doc.windowOverrides ?? []).forEach((o, i) => {
    const parts: string[] = [];
    if (o.minNoticeMinutes !== undefined)
      parts.push(
        ko
          ? `시작 ${formatDuration(o.minNoticeMinutes, locale)} 전까지`
          : `up to ${formatDuration(o.minNoticeMinutes, locale)} before the start`,
      );
    if (o.maxAdvanceDays !== undefined)
      parts.push(ko ? `최대 ${o.maxAdvanceDays}일 앞까지` : `up to ${o.maxAdvanceDays} days ahead`);
    const whom = who(o, locale);
    say(
      `windowOverrides[${i}]`,
      ko
        ? `${whom}은(는) ${parts.join(', ') || '기본 기간에'} 예약할 수 있습니다.`
        : `${whom.charAt(0).toUpperCase()}${whom.slice(1)} may book ${parts.join(' and ') || 'in the usual window'}.`,
    );
  });
  if (doc.bufferBeforeMinutes || doc.bufferAfterMinutes) {
    const b = formatDuration(doc.bufferBeforeMinutes ?? 0, locale);
    const a = formatDuration(doc.bufferAfterMinutes ?? 0, locale);
    say(
      'buffers',
      ko
        ? `예약 앞 ${b}, 뒤 ${a}은(는) 준비·정리 시간으로 비워 둡니다.`
        : `${b} before and ${a} after each booking are kept free.`,
    );
  }
  (doc.quotas ?? []).forEach((q, i) => {
    const limits: string[] = [];
    if (q.maxBookings !== undefined) limits.push(ko ? `${q.maxBookings}건` : `${q.maxBookings} bookings`);
    if (q.maxHours !== undefined) limits.push(ko ? `${q.maxHours}시간` : `${q.maxHours} hours`);
    const period = q.period === 'week' ? (ko ? '한 주' : 'week') : ko ? '한 달' : 'month';
    say(
      `quotas[${i}]`,
      ko
        ? `${q.scope === 'person' ? '한 사람' : '한 그룹'}은 ${period}에 최대 ${limits.join(', ')}까지 예약할 수 있습니다.`
        : `Each ${q.scope === 'person' ? 'person' : 'group'} may book at most ${limits.join(' and ')} per ${period}.`,
    );
  });
  if (
    doc.eligibility &&
    (doc.eligibility.roles?.length || doc.eligibility.groupKinds?.length || doc.eligibility.groupTags?.length)
  ) {
    const whom = who(doc.eligibility, locale);
    say('eligibility', ko ? `${whom}만 예약할 수 있습니다.` : `Only ${whom} may book.`);
  } else if (doc.eligibility) {
    say('eligibility', ko ? '누구나 예약할 수 있습니다.' : 'Anyone may book.');
  }
  if (doc.approval) {
    const a = doc.approval;
    if (a.required !== undefined) {
      const auto = who({ roles: a.autoApproveRoles, groupKinds: a.autoApproveGroupKinds }, locale);
      let text = a.required
        ? ko
          ? '신청은 승인 담당자가 승인해야 확정됩니다.'
          : 'Requests need an approver’s decision.'
        : ko
          ? '신청하면 바로 확정됩니다.'
          : 'Requests are confirmed at once.';
      if (a.required && auto)
        text += ko ? ` 단, ${auto}은(는) 바로 확정됩니다.` : ` ${auto}: confirmed at once.`;
      say('approval', text);
    } else if (a.autoApproveRoles?.length || a.autoApproveGroupKinds?.length) {
      const auto = who({ roles: a.autoApproveRoles, groupKinds: a.autoApproveGroupKinds }, locale);
      say('approval', ko ? `${auto}은(는) 바로 확정됩니다.` : `${auto}: confirmed at once.`);
    }
  }
  const p = doc.pricing;
  if (p) {
    if (p.rate !== undefined) {
      const unit = p.unit ?? 'hour';
      say(
        'pricing.rate',
        p.rate === 0
          ? ko
            ? '무료입니다.'
            : 'Free of charge.'
          : ko
            ? `${unit === 'day' ? '하루' : '한 시간'}에 ${formatKrw(p.rate, locale)}입니다.`
            : `${formatKrw(p.rate, locale)} per ${unit}.`,
      );
    } else if (p.unit) {
      say(
        'pricing.unit',
        ko ? `요금은 ${p.unit === 'day' ? '일' : '시간'} 단위입니다.` : `Charged per ${p.unit}.`,
      );
    }
    (p.peak ?? []).forEach((w, i) =>
      say(
        `pricing.peak[${i}]`,
        ko
          ? `${days(w.weekdays, locale)} ${w.from}–${w.to}에는 한 시간에 ${formatKrw(w.rate, locale)}입니다.`
          : `${days(w.weekdays, locale)} ${w.from}–${w.to}: ${formatKrw(w.rate, locale)} per hour.`,
      ),
    );
    if (p.deposit)
      say(
        'pricing.deposit',
        ko
          ? `보증금 ${formatKrw(p.deposit, locale)}을(를) 받습니다.`
          : `A deposit of ${formatKrw(p.deposit, locale)}.`,
      );
    (p.waivers ?? []).forEach((w, i) => {
      const tags = (w.purposes ?? []).map((t) => (ko ? `목적 '${t}'` : `purpose '${t}'`));
      const whom = joinOr(
        [...kindNames(w.groupKinds, locale), ...tagNames(w.groupTags, locale), ...tags],
        locale,
      );
      say(
        `pricing.waivers[${i}]`,
        ko
          ? `${w.label.ko}: ${whom}에는 요금을 ${w.percent}% 감면합니다.`
          : `${w.label.en}: ${w.percent}% off for ${whom}.`,
      );
    });
  }
  const c = doc.cancellation;
  if (c && (c.freeUntilHoursBefore !== undefined || c.feePercent !== undefined)) {
    const hours = c.freeUntilHoursBefore;
    const fee = c.feePercent;
    const parts: string[] = [];
    if (hours !== undefined)
      parts.push(
        ko
          ? `시작 ${hours}시간 전까지는 무료로 취소할 수 있습니다`
          : `Free cancellation until ${hours} h before the start`,
      );
    if (fee !== undefined)
      parts.push(
        fee === 0
          ? ko
            ? '그 뒤에도 수수료는 없습니다'
            : 'no fee after that'
          : ko
            ? `그 뒤에는 요금의 ${fee}%를 수수료로 받습니다`
            : `then ${fee}% of the price`,
      );
    say('cancellation', `${parts.join(ko ? '. ' : '; ')}.`);
  }
  if (doc.maxPendingPerPerson !== undefined)
    say(
      'maxPendingPerPerson',
      ko
        ? `한 사람이 승인 대기 중인 신청은 최대 ${doc.maxPendingPerPerson}건입니다.`
        : `At most ${doc.maxPendingPerPerson} pending requests per person.`,
    );
  if (doc.checkInOpensMinutesBefore !== undefined) {
    const d = formatDuration(doc.checkInOpensMinutesBefore, locale);
    say(
      'checkInOpensMinutesBefore',
      ko ? `체크인은 시작 ${d} 전부터 할 수 있습니다.` : `Check-in opens ${d} before the start.`,
    );
  }
  if (doc.noShowAfterMinutes !== undefined) {
    const d = formatDuration(doc.noShowAfterMinutes, locale);
    say(
      'noShowAfterMinutes',
      ko
        ? `시작 후 ${d} 안에 체크인하지 않으면 노쇼로 처리하고 자리를 다른 사람에게 엽니다.`
        : `Not checked in ${d} after the start: a no-show, and the slot is released.`,
    );
  }
  const limit = doc.noShowLimit;
  if (limit?.count !== undefined && limit.periodDays !== undefined) {
    const then =
      limit.consequence === 'suspend'
        ? ko
          ? '신청할 수 없습니다'
          : 'requests are refused'
        : ko
          ? '신청에 승인이 필요합니다'
          : 'requests need an approver’s decision';
    say(
      'noShowLimit',
      ko
        ? `${limit.periodDays}일 안에 노쇼가 ${limit.count}번이면 ${then}.`
        : `After ${limit.count} no-shows within ${limit.periodDays} days, ${then}.`,
    );
  }
  if (doc.returnGraceMinutes !== undefined) {
    const d = formatDuration(doc.returnGraceMinutes, locale);
    say(
      'returnGraceMinutes',
      ko
        ? `장비는 예약이 끝나고 ${d} 안에 반납해야 합니다.`
        : `Equipment is due back within ${d} after the end.`,
    );
  }
  if (doc.waitlistOfferMinutes !== undefined) {
    const d = formatDuration(doc.waitlistOfferMinutes, locale);
    say(
      'waitlistOfferMinutes',
      ko
        ? `자리가 나면 대기 순서대로 ${d} 동안 먼저 제안합니다.`
        : `A freed slot is offered to the next in line for ${d}.`,
    );
  }
  if (doc.timeZone) say('timeZone', ko ? `시간대: ${doc.timeZone}.` : `Times are in ${doc.timeZone}.`);
  return out;
}
