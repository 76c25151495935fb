import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AutoMatchResult,
  BankImportResult,
  BankLineView,
  ColumnMappingView,
  MatchBankLineRequest,
} from '@madang/contracts';
import { allocate, wonFromDb } from '@madang/money';
import { autoMatch, detectHeader, isInterestLine, readStatement, StatementLine } from '@madang/settlement';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../platform/audit/audit.service';
import type { Actor } from '../core/actor';
import { DomainError, invalidField, notFound } from '../core/domain-error';
import { BankLineRow, BankRepository, NewBankLine, NewMatch } from './bank.repository';
import { BudgetRepository } from './budget.repository';
import { LedgerService } from './ledger.service';
import { auditActor } from './settlement-access';
import { ruleViolation, withDatabaseRules } from './settlement-errors';
import { readStatementFile } from './statement-file';

/** Days between a statement line and the payment or expense it settles, at most. */
const MATCH_WINDOW_DAYS = 7;

/** Bank statement import, automatic and manual reconciliation, interest to return. */
@Injectable()
export class BankService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bank: BankRepository,
    private readonly budget: BudgetRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  async mappings(): Promise<{ bank: string; mapping: ColumnMappingView }[]> {
    return this.bank.mappings(this.db.manager);
  }

  async saveMapping(actor: Actor, bank: string, mapping: ColumnMappingView): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await this.bank.mapping(m, bank);
      await this.bank.saveMapping(m, bank, mapping, actor.userId);
      await this.audit.record(m, auditActor(actor), {
        action: 'settlement.bank_mapping.save',
        entityType: 'bank_mapping',
        entityId: bank,
        before,
        after: mapping,
      });
    });
  }

  /**
   * Imports a statement file. The same file twice adds nothing (file sha256); a line another
   * statement already brought adds nothing (row hash). New interest lines post as interest to
   * return; then every unreconciled line is matched automatically where it can be.
   */
  async import(actor: Actor, bankName: string, fileName: string, file: Buffer): Promise<BankImportResult> {
    if (file.length === 0) throw invalidField('file', 'required');
    const sha256 = createHash('sha256').update(file).digest('hex');
    let parsed;
    try {
      parsed = await readStatementFile(file);
    } catch {
      throw ruleViolation('unreadable_statement', actor.locale);
    }
    return withDatabaseRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const saved = await this.bank.mapping(m, bankName);
        const header =
          detectHeader(parsed.rows, saved ?? undefined) ?? (saved ? detectHeader(parsed.rows) : null);
        if (!header) throw ruleViolation('unreadable_statement', actor.locale, { reason: 'no_header' });
        const { lines, problems } = readStatement(parsed.rows, header.headerIndex, header.mapping);
        const base: BankImportResult = {
          importId: null,
          duplicateFile: true,
          encoding: parsed.encoding,
          format: parsed.format,
          linesRead: lines.length,
          linesAdded: 0,
          linesKnown: 0,
          autoMatched: 0,
          interestPosted: 0,
          problems,
        };
        const importId = await this.bank.insertImport(m, {
          bank: bankName,
          fileName,
          sha256,
          encoding: parsed.encoding,
          lineCount: lines.length,
          importedBy: actor.userId,
        });
        if (!importId) return base;
        if (!saved) await this.bank.saveMapping(m, bankName, header.mapping, actor.userId);
        const added = await this.bank.insertLines(m, importId, withRowHashes(bankName, lines));
        const interestPosted = await this.postInterest(m, actor, added);
        const autoMatched = await this.matchAll(m, actor);
        const result: BankImportResult = {
          ...base,
          importId,
          duplicateFile: false,
          linesAdded: added.length,
          linesKnown: lines.length - added.length,
          autoMatched,
          interestPosted,
        };
        await this.audit.record(m, auditActor(actor), {
          action: 'settlement.bank.import',
          entityType: 'bank_import',
          entityId: importId,
          after: { ...result, fileName, sha256, problems: problems.length },
        });
        return result;
      }),
    );
  }

  async lines(query: { unreconciled?: boolean; limit?: number; offset?: number }): Promise<BankLineView[]> {
    return (await this.bank.lines(this.db.manager, query)).map(toLineView);
  }

  async autoMatch(actor: Actor): Promise<AutoMatchResult> {
    return this.db.transaction(async (m) => {
      const matched = await this.matchAll(m, actor);
      if (matched)
        await this.audit.record(m, auditActor(actor), {
          action: 'settlement.bank.auto_match',
          entityType: 'bank_line',
          entityId: null,
          after: { matched },
        });
      return { matched, unreconciled: await this.bank.unreconciledCount(m) };
    });
  }

  /** Reconciles one line by hand: to a paid expense or a payment of the same amount, as interest, or as other. */
  async match(actor: Actor, id: string, dto: MatchBankLineRequest): Promise<BankLineView> {
    return withDatabaseRules(actor.locale, () =>
      this.db.transaction(async (m) => {
        const line = await this.bank.lockLine(m, id);
        if (!line) throw notFound();
        if (line.target) throw new DomainError('state_conflict', { reconciled: true });
        const amount = wonFromDb(line.amount);
        const match: NewMatch = {
          bankLineId: id,
          target: dto.target,
          method: 'manual',
          expenseId: null,
          paymentId: null,
          entryId: null,
          note: dto.note ?? '',
        };
        if (dto.target === 'expense') {
          if (!dto.expenseId) throw invalidField('expenseId', 'required');
          if ((await this.bank.expenseAmount(m, dto.expenseId)) !== amount)
            throw invalidField('expenseId', 'invalid');
          match.expenseId = dto.expenseId;
        } else if (dto.target === 'payment') {
          if (!dto.paymentId) throw invalidField('paymentId', 'required');
          if ((await this.bank.paymentAmount(m, dto.paymentId)) !== amount)
            throw invalidField('paymentId', 'invalid');
          match.paymentId = dto.paymentId;
        } else if (dto.target === 'interest') {
          if (amount <= 0) throw invalidField('target', 'invalid');
          match.entryId = await this.postInterestLine(m, actor, line, dto.programmeId);
        } else if (!dto.note) throw invalidField('note', 'required');
        await this.bank.insertMatches(m, [match], actor.userId);
        const [after] = await this.bank.lines(m, { ids: [id] });
        await this.audit.record(m, auditActor(actor), {
          action: 'settlement.bank.match',
          entityType: 'bank_line',
          entityId: id,
          after: toLineView(after).match,
        });
        return toLineView(after);
      }),
    );
  }

  private async matchAll(m: EntityManager, actor: Actor): Promise<number> {
    const lines = await this.bank.unmatchedFacts(m);
    if (lines.length === 0) return 0;
    const dates = lines.map((l) => l.date).sort();
    const shift = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const candidates = await this.bank.candidates(
      m,
      shift(dates[0], -MATCH_WINDOW_DAYS),
      shift(dates[dates.length - 1], MATCH_WINDOW_DAYS),
    );
    const matches = autoMatch(lines, candidates, MATCH_WINDOW_DAYS);
    return this.bank.insertMatches(
      m,
      matches.map((x) => ({
        bankLineId: x.bankLineId,
        target: x.kind,
        method: 'auto' as const,
        expenseId: x.kind === 'expense' ? x.targetId : null,
        paymentId: x.kind === 'payment' ? x.targetId : null,
        entryId: null,
        note: '',
      })),
      actor.userId,
    );
  }

  private async postInterest(m: EntityManager, actor: Actor, addedIds: readonly string[]): Promise<number> {
    if (addedIds.length === 0) return 0;
    const added = await this.bank.lines(m, { ids: addedIds, limit: addedIds.length });
    let posted = 0;
    for (const line of added) {
      if (
        !isInterestLine({ amount: wonFromDb(line.amount), counterparty: line.counterparty, memo: line.memo })
      )
        continue;
      const entryId = await this.postInterestLine(m, actor, line);
      if (!entryId) continue;
      await this.bank.insertMatches(
        m,
        [
          {
            bankLineId: line.id,
            target: 'interest',
            method: 'auto',
            expenseId: null,
            paymentId: null,
            entryId,
            note: '',
          },
        ],
        actor.userId,
      );
      posted++;
    }
    return posted;
  }

  /** Interest on the dedicated account: bank debit, "interest to return" credit split by public sources' shares. */
  private async postInterestLine(
    m: EntityManager,
    actor: Actor,
    line: BankLineRow,
    programmeId?: string,
  ): Promise<string | null> {
    const target = programmeId ?? (await this.bank.interestProgramme(m, line.line_date));
    if (!target) {
      if (programmeId !== undefined) throw invalidField('programmeId', 'invalid');
      return null;
    }
    const sources = (await this.budget.sources(m, [target])).filter((s) => s.returnable && s.share_bp > 0);
    if (sources.length === 0) throw invalidField('programmeId', 'invalid');
    const amount = wonFromDb(line.amount);
    const parts = allocate(
      amount,
      sources.map((s) => s.share_bp),
    );
    return this.ledger.post(
      m,
      actor,
      {
        entryDate: line.line_date,
        source: 'interest',
        sourceId: line.id,
        memo: line.memo || line.counterparty,
        postedBy: actor.userId,
      },
      [
        { account: '1010', amount, programmeId: target },
        ...sources.map((s, i) => ({
          account: '2030',
          amount: -parts[i],
          programmeId: target,
          fundingSourceId: s.id,
        })),
      ].filter((l) => l.amount !== 0),
    );
  }
}

/** Row hashes: the line's facts plus its occurrence among identical rows of the same file. */
export function withRowHashes(bank: string, lines: readonly StatementLine[]): NewBankLine[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const key = [bank, l.date, l.amount, l.counterparty, l.memo, l.balance ?? ''].join('\u001f');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return {
      rowHash: createHash('sha256').update(`${key}\u001f${occurrence}`).digest('hex'),
      date: l.date,
      amount: l.amount,
      counterparty: l.counterparty,
      memo: l.memo,
      balance: l.balance,
    };
  });
}

function toLineView(r: BankLineRow): BankLineView {
  return {
    id: r.id,
    date: r.line_date,
    amount: wonFromDb(r.amount),
    counterparty: r.counterparty,
    memo: r.memo,
    balance: r.balance === null ? null : wonFromDb(r.balance),
    match: r.target
      ? {
          target: r.target,
          method: r.method ?? 'manual',
          expenseId: r.expense_id,
          paymentId: r.payment_id,
          entryId: r.entry_id,
          note: r.note ?? '',
        }
      : null,
  };
}
