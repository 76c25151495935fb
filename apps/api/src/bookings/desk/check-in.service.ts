import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkInWindow, noShowDeadline, type RentalRules } from '@madang/booking-rules';
import { PERMISSIONS, type CheckInDto, type CheckInRequest } from '@madang/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { can, type Actor } from '../../core/actor';
import { DomainError, notFound } from '../../core/domain-error';
import { AuditService } from '../../platform/audit/audit.service';
import { BookingsRepository } from '../bookings.repository';
import { BookingsService } from '../bookings.service';
import { AttendanceRow, DeskRepository } from './desk.repository';

/**
 * The rules a booking's attendance follows: of its items' booked rule versions, the one with the
 * earliest no-show deadline (a room and its projector: the room's), else the first item's.
 */
function attendanceRules(rules: RentalRules[], start: string): RentalRules {
  const tracked = rules
    .filter((r) => r.noShowAfterMinutes !== undefined)
    .sort((a, b) => (noShowDeadline(a, start) ?? '').localeCompare(noShowDeadline(b, start) ?? ''));
  return tracked[0] ?? rules[0];
}

/**
 * Check-in and no-shows. The booker (or staff with bookings:decide) checks in within the window
 * around the start, saying how many came. The no-show job marks a booking not checked in by its
 * deadline through BookingsService.markNoShow — the ordinary transition that releases the slot and
 * tells the booker; counts of no-shows feed the rules engine (noShowLimit).
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desk: DeskRepository,
    private readonly bookingRows: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly catalogue: CatalogueService,
    private readonly audit: AuditService,
  ) {}

  async info(actor: Actor, bookingId: string): Promise<CheckInDto> {
    const row = await this.desk.attendance(this.db.manager, bookingId);
    if (!row || !this.maySee(actor, row)) throw notFound();
    return this.toDto(this.db.manager, row);
  }

  async checkIn(actor: Actor, bookingId: string, dto: CheckInRequest): Promise<CheckInDto> {
    return this.db.transaction(async (tx) => {
      if (!(await this.bookingRows.lock(tx, bookingId))) throw notFound();
      const row = await this.desk.attendance(tx, bookingId);
      if (!row || !this.maySee(actor, row)) throw notFound();
      if (row.requester_id !== actor.userId && !can(actor, PERMISSIONS.BOOKINGS_DECIDE))
        throw new DomainError('forbidden');
      if (row.checked_in_at) throw new DomainError('state_conflict', { reason: 'already_checked_in' });
      if (row.no_show_at || row.decision !== 'approved' || !row.holds_slot)
        throw new DomainError('state_conflict', { reason: 'not_checkable', decision: row.decision });
      const info = await this.toDto(tx, row);
      const now = new Date().toISOString();
      if (now < info.opens || now > info.closes)
        throw new DomainError('state_conflict', {
          reason: 'outside_check_in_window',
          opens: info.opens,
          closes: info.closes,
        });
      await this.desk.checkIn(tx, bookingId, actor.userId, dto.attendance ?? null);
      await this.audit.record(tx, actor, {
        action: 'booking.checked_in',
        entityType: 'booking',
        entityId: bookingId,
        after: {
          attendance: dto.attendance ?? null,
          by: row.requester_id === actor.userId ? 'booker' : 'staff',
        },
      });
      return this.toDto(tx, (await this.desk.attendance(tx, bookingId)) as AttendanceRow);
    });
  }

  /** The no-show job: every booking past its deadline and not checked in is marked. Returns how many. */
  async markNoShows(now = new Date()): Promise<number> {
    const due = await this.desk.attendanceDue(this.db.manager, now.toISOString());
    let marked = 0;
    for (const row of due) {
      const rules = await this.rulesOf(this.db.manager, row);
      const deadline = noShowDeadline(
        attendanceRules(rules, row.start_at.toISOString()),
        row.start_at.toISOString(),
      );
      if (deadline === null || deadline > now.toISOString()) continue;
      if (await this.bookings.markNoShow(row.id)) marked++;
    }
    return marked;
  }

  private maySee(actor: Actor, row: AttendanceRow): boolean {
    if (row.kind !== 'request') return false;
    return (
      row.requester_id === actor.userId ||
      can(actor, PERMISSIONS.BOOKINGS_READ_ALL) ||
      (row.group_id !== null && actor.groups.some((g) => g.id === row.group_id))
    );
  }

  private async rulesOf(m: EntityManager, row: AttendanceRow): Promise<RentalRules[]> {
    const result: RentalRules[] = [];
    for (const item of row.items)
      result.push(await this.catalogue.rulesAtVersion(m, item.assetId, item.rulesVersion));
    return result;
  }

  private async toDto(m: EntityManager, row: AttendanceRow): Promise<CheckInDto> {
    const start = row.start_at.toISOString();
    const rules = attendanceRules(await this.rulesOf(m, row), start);
    const window = checkInWindow(rules, start, row.end_at.toISOString());
    return {
      bookingId: row.id,
      opens: window.opens,
      closes: window.closes,
      noShowAt: row.no_show_at?.toISOString() ?? null,
      noShowDeadline: noShowDeadline(rules, start),
      checkedInAt: row.checked_in_at?.toISOString() ?? null,
      checkedInBy: row.checked_in_by
        ? { id: row.checked_in_by, displayName: row.checked_in_by_name ?? '' }
        : null,
      attendance: row.attendance,
      path: `/bookings/${row.id}/check-in`,
    };
  }
}
