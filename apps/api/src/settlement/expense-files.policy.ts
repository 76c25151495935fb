import { Injectable } from '@nestjs/common';
import type { FileInfo, FilePurpose } from '@madang/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../core/actor';
import type { FileOwnerPolicy } from '../platform/files/files.service';
import { ExpensesRepository } from './expenses.repository';
import { SettlementAccess } from './settlement-access';

/** Owner type of an expense's evidence files (receipts, minutes, transfer confirmations). */
export const EXPENSE_OWNER = 'expense';

/** Expenses whose files no longer change (the checklist is closed). */
const SETTLED: readonly string[] = ['verified', 'rejected'];

/**
 * Evidence files of an expense. Read: whoever may see the expense (operations, the programme's
 * approvers and lead-group managers); anyone else gets 404. Attach and delete: the requester while
 * the expense is not verified or rejected, and operations.
 */
@Injectable()
export class ExpenseFilesPolicy implements FileOwnerPolicy {
  readonly purposes: readonly FilePurpose[] = ['expense_evidence'];

  constructor(
    private readonly access: SettlementAccess,
    private readonly expenses: ExpensesRepository,
  ) {}

  async canRead(actor: Actor | undefined, expenseId: string, m: EntityManager): Promise<boolean> {
    return (await this.visible(actor, expenseId, m)) !== null;
  }

  async canAttach(
    actor: Actor,
    expenseId: string,
    _purpose: FilePurpose,
    m: EntityManager,
  ): Promise<boolean> {
    return this.mayChange(actor, expenseId, m);
  }

  async canDelete(actor: Actor, expenseId: string, _file: FileInfo, m: EntityManager): Promise<boolean> {
    return this.mayChange(actor, expenseId, m);
  }

  private async mayChange(actor: Actor, expenseId: string, m: EntityManager): Promise<boolean> {
    const seen = await this.visible(actor, expenseId, m);
    if (!seen) return false;
    if (seen.all) return true;
    return seen.expense.requested_by === actor.userId && !SETTLED.includes(seen.expense.state);
  }

  private async visible(actor: Actor | undefined, expenseId: string, m: EntityManager) {
    if (!actor) return null;
    const scope = await this.access.find(m, actor);
    if (!scope) return null;
    const expense = await this.expenses.owner(m, expenseId);
    if (!expense || (!scope.all && !scope.programmeIds.includes(expense.programme_id))) return null;
    return { all: scope.all, expense };
  }
}
