import { Injectable } from '@nestjs/common';
import type { ObservationResponseKind, ResponsePromiseView, ResponseTargetView } from '@madang/contracts';
import {
  deadlineFor,
  describeTarget,
  officeCalendar,
  type ServiceTarget,
  type WorkingCalendar,
} from '@madang/service-targets';
import { DateTime } from 'luxon';
import { AppConfig } from '../config/app-config';
import { KOREAN_HOLIDAYS_2026_2027 } from '../demo/korean-holidays';

/** Every local date of the Korean public holidays the house knows, plus the configured ones. */
export function holidayDates(extra: string): string[] {
  const dates = new Set<string>();
  for (const closure of KOREAN_HOLIDAYS_2026_2027) {
    for (
      let day = DateTime.fromISO(closure.from);
      day <= DateTime.fromISO(closure.to);
      day = day.plus({ days: 1 })
    )
      dates.add(day.toISODate() as string);
  }
  for (const day of extra.split(',').map((d) => d.trim()))
    if (day && DateTime.fromISO(day).isValid) dates.add(day);
  return [...dates].sort();
}

const view = (target: ServiceTarget): ResponseTargetView => ({
  kind: target.kind,
  amount: target.kind === 'working-hours' ? target.hours : target.days,
  description: describeTarget(target),
});

/**
 * The response promise to an observation (Seoul's SNS civil-service rule), computed with the
 * house's service-targets library on the centre's working calendar (Mon–Fri 09:00–18:00, public
 * holidays off). The numbers are configuration.
 */
@Injectable()
export class LabResponsePromise {
  readonly calendar: WorkingCalendar;
  readonly acknowledgement: ServiceTarget;
  private readonly answers: Readonly<Record<ObservationResponseKind, ServiceTarget>>;
  readonly defaultKind: ObservationResponseKind = 'review';

  constructor(config: AppConfig) {
    this.calendar = officeCalendar(config.MADANG_TIMEZONE, holidayDates(config.LABS_HOLIDAYS));
    this.acknowledgement = { kind: 'working-hours', hours: config.LABS_ACK_HOURS };
    this.answers = {
      simple: { kind: 'working-hours', hours: config.LABS_SIMPLE_HOURS },
      review: { kind: 'working-days', days: config.LABS_REVIEW_DAYS },
      policy: { kind: 'working-days', days: config.LABS_POLICY_DAYS },
    };
  }

  answerTarget(kind: ObservationResponseKind): ServiceTarget {
    return this.answers[kind];
  }

  ackDue(receivedAt: Date): Date {
    return new Date(deadlineFor(receivedAt, this.acknowledgement, this.calendar));
  }

  answerDue(receivedAt: Date, kind: ObservationResponseKind): Date {
    return new Date(deadlineFor(receivedAt, this.answers[kind], this.calendar));
  }

  view(): ResponsePromiseView {
    return {
      acknowledgement: view(this.acknowledgement),
      answer: {
        simple: view(this.answers.simple),
        review: view(this.answers.review),
        policy: view(this.answers.policy),
      },
      defaultKind: this.defaultKind,
      timeZone: this.calendar.timeZone,
      workingHours: { start: '09:00', end: '18:00' },
    };
  }
}
