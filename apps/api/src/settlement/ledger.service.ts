import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntryView, FiscalYearView, ReverseEntryRequest } from '@madang/contracts';
import { entryProblem, reversal, type PostingLine } from '@madang/settlement';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, notFound } from '../core/domain-error';
import { ClosedPeriodError, LedgerRepository, NewEntry, StoredEntry } from './ledger.repository';
import { auditActor, SettlementAccess } from './settlement-access';
import { ruleViolation, withDatabaseRules } from './settlement-errors';
import { seoulToday } from './settlement-dates';

/** Posting to the ledger, corrections by reversal, fiscal years and period close. */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly access: SettlementAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Posts an entry inside the caller's transaction. The lines are checked here for a clear answer;
   * the database checks them again at commit.
   */
  async post(
    m: EntityManager,
    actor: Actor,
    entry: NewEntry,
    lines: readonly PostingLine[],
    options: { audit: boolean } = { audit: true },
  ): Promise<string> {
    const problem = entryProblem(lines);
    if (problem) throw ruleViolation('unbalanced_entry', actor.locale, { problem });
    let id: string;
    try {
      id = await this.ledger.insertEntry(m, entry, lines);
    } catch (error) {
      if (error instanceof ClosedPeriodError)
        throw ruleViolation('period_closed', actor.locale, { date: entry.entryDate });
      throw error;
    }
    // A caller that audits the change the entry belongs to (e.g. "expense paid") records the entry there.
    if (!options.audit) return id;
    await this.audit.record(m, auditActor(actor), {
      action: 'settlement.entry.post',
      entityType: 'journal_entry',
      entityId: id,
      after: { ...entry, lines },
    });
    return id;
  }

  async entry(actor: Actor, id: string): Promise<EntryView> {
    const entry = await this.ledger.entry(this.db.manager, id);
    if (!entry) throw notFound();
    const scope = await this.access.scope(this.db.manager, actor);
    if (!scope.all && !entry.lines.some((l) => l.programmeId && scope.programmeIds.includes(l.programmeId)))
      throw notFound();
    return toEntryView(entry);
  }

  /** A correction: a new entry with every line negated, dated today unless told otherwise. */
  async reverse(actor: Actor, id: string, dto: ReverseEntryRequest): Promise<EntryView> {
    return withDatabaseRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const entry = await this.ledger.entry(m, id);
        if (!entry) throw notFound();
        if (entry.reversesId || (await this.ledger.isReversed(m, id)))
          throw new DomainError('state_conflict', { reason: 'already_reversed_or_a_reversal' });
        const reversedId = await this.post(
          m,
          actor,
          {
            entryDate: dto.entryDate ?? seoulToday(),
            source: 'reversal',
            sourceId: entry.id,
            memo: dto.reason,
            postedBy: actor.userId,
            reversesId: entry.id,
          },
          reversal(entry.lines),
        );
        const stored = await this.ledger.entry(m, reversedId);
        return toEntryView(stored as StoredEntry);
      }),
    );
  }

  async years(actor: Actor): Promise<FiscalYearView[]> {
    await this.access.scope(this.db.manager, actor);
    return this.yearViews(this.db.manager);
  }

  async createYear(actor: Actor, year: number): Promise<FiscalYearView> {
    return this.db.transaction(async (m) => {
      if ((await this.ledger.years(m, year)).length) throw new DomainError('conflict', { field: 'year' });
      const id = await this.ledger.createYear(m, year);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.fiscal_year.create',
        entityType: 'fiscal_year',
        entityId: id,
        after: { year },
      });
      return (await this.yearViews(m, year))[0];
    });
  }

  async closePeriod(actor: Actor, year: number, month: number): Promise<FiscalYearView> {
    return this.setPeriod(actor, year, month, 'close');
  }

  async reopenPeriod(actor: Actor, year: number, month: number, reason: string): Promise<FiscalYearView> {
    return this.setPeriod(actor, year, month, 'reopen', reason);
  }

  private async setPeriod(
    actor: Actor,
    year: number,
    month: number,
    action: 'close' | 'reopen',
    reason?: string,
  ): Promise<FiscalYearView> {
    return this.db.transaction(async (m) => {
      const period = await this.ledger.lockPeriod(m, year, month);
      if (!period) throw notFound();
      const closed = period.closed_at !== null;
      if ((action === 'close') === closed) throw new DomainError('state_conflict', { closed, year, month });
      await this.ledger.setPeriodClosed(m, year, month, action === 'close' ? actor.userId : null);
      await this.audit.record(m, auditActor(actor), {
        action: `settlement.period.${action}`,
        entityType: 'fiscal_period',
        entityId: `${year}-${String(month).padStart(2, '0')}`,
        before: { closedAt: period.closed_at, closedBy: period.closed_by },
        after: action === 'close' ? { closedBy: actor.userId } : { reopened: true, reason },
      });
      return (await this.yearViews(m, year))[0];
    });
  }

  private async yearViews(m: EntityManager, year?: number): Promise<FiscalYearView[]> {
    const years = await this.ledger.years(m, year);
    const periods = await this.ledger.periods(
      m,
      years.map((y) => y.year),
    );
    return years.map((y) => ({
      id: y.id,
      year: y.year,
      startsOn: y.starts_on,
      endsOn: y.ends_on,
      periods: periods
        .filter((p) => p.year === y.year)
        .map((p) => ({
          month: p.month,
          startsOn: p.starts_on,
          endsOn: p.ends_on,
          closedAt: p.closed_at ? p.closed_at.toISOString() : null,
          closedBy: p.closed_by,
        })),
    }));
  }
}

export function toEntryView(entry: StoredEntry): EntryView {
  return {
    id: entry.id,
    entryDate: entry.entryDate,
    source: entry.source,
    sourceId: entry.sourceId,
    memo: entry.memo,
    postedBy: entry.postedBy,
    postedAt: entry.postedAt.toISOString(),
    reversesId: entry.reversesId,
    lines: entry.lines.map((l) => ({
      account: l.account,
      amount: l.amount,
      programmeId: l.programmeId ?? null,
      budgetLineId: l.budgetLineId ?? null,
      fundingSourceId: l.fundingSourceId ?? null,
    })),
  };
}
