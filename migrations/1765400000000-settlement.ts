import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budget settlement: a double-entry ledger in integer won, fiscal periods, programmes with funding
 * sources, budget lines and amendments, expenses, booking income, rent schedules and bank
 * reconciliation. The rules that matter are the database's own:
 * - a journal entry's lines sum to zero and number at least two, checked at commit by deferred
 *   constraint triggers (so an entry and its lines are inserted in any order inside a transaction);
 * - journal entries and lines never change or disappear (UPDATE/DELETE refused); corrections are
 *   reversing entries;
 * - nothing is posted with a date inside a closed fiscal period (entries and lines both checked);
 * - an expense's two verifications are by two different people, neither the requester (CHECK), and
 *   a verification once given is never overwritten (trigger); initial budgets and amendment deltas
 *   are never updated in place.
 * Errors carry SQLSTATE 23514 and the rule's name as the constraint, so the API can map them.
 */
export class Settlement1765400000000 implements MigrationInterface {
  name = 'Settlement1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "fiscal_years" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "fiscal_years_range_check" CHECK ("ends_on" > "starts_on"), CONSTRAINT "fiscal_years_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "fiscal_years_year_key" ON "fiscal_years" ("year") `);
    await q.query(
      `CREATE TABLE "fiscal_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fiscal_year_id" uuid NOT NULL, "month" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, CONSTRAINT "fiscal_periods_closed_check" CHECK (("closed_at" IS NULL) = ("closed_by" IS NULL)), CONSTRAINT "fiscal_periods_range_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "fiscal_periods_month_check" CHECK ("month" BETWEEN 1 AND 12), CONSTRAINT "fiscal_periods_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "fiscal_periods_range_idx" ON "fiscal_periods" ("starts_on", "ends_on") `);
    await q.query(
      `CREATE UNIQUE INDEX "fiscal_periods_year_month_key" ON "fiscal_periods" ("fiscal_year_id", "month") `,
    );
    await q.query(
      `CREATE TABLE "ledger_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "kind" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, CONSTRAINT "ledger_accounts_kind_check" CHECK ("kind" IN ('asset', 'liability', 'income', 'expense', 'equity', 'in_kind')), CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "ledger_accounts_code_key" ON "ledger_accounts" ("code") `);
    await q.query(
      `CREATE TABLE "journal_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_date" date NOT NULL, "source" text NOT NULL, "source_id" uuid, "memo" text NOT NULL DEFAULT '', "posted_by" uuid NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reverses_id" uuid, CONSTRAINT "journal_entries_source_check" CHECK ("source" IN ('expense', 'booking_fee', 'deposit', 'refund', 'bank_line', 'manual', 'rent', 'interest', 'reversal', 'disallowance', 'in_kind')), CONSTRAINT "journal_entries_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "journal_entries_reverses_key" ON "journal_entries" ("reverses_id") WHERE "reverses_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "journal_entries_source_idx" ON "journal_entries" ("source", "source_id") `);
    await q.query(`CREATE INDEX "journal_entries_date_idx" ON "journal_entries" ("entry_date") `);
    await q.query(
      `CREATE TABLE "journal_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "account_id" uuid NOT NULL, "amount" bigint NOT NULL, "programme_id" uuid, "budget_line_id" uuid, "funding_source_id" uuid, "expense_id" uuid, CONSTRAINT "journal_lines_amount_check" CHECK ("amount" <> 0), CONSTRAINT "journal_lines_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "journal_lines_budget_line_idx" ON "journal_lines" ("budget_line_id") `);
    await q.query(
      `CREATE INDEX "journal_lines_programme_idx" ON "journal_lines" ("programme_id", "account_id") `,
    );
    await q.query(`CREATE INDEX "journal_lines_entry_idx" ON "journal_lines" ("entry_id") `);
    await q.query(
      `CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "fiscal_year_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "execution_deadline" date NOT NULL, "lead_group_id" uuid, "warn_threshold_bp" integer NOT NULL DEFAULT '9000', "refuse_threshold_bp" integer NOT NULL DEFAULT '10000', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "programmes_thresholds_check" CHECK ("warn_threshold_bp" BETWEEN 0 AND 10000 AND "refuse_threshold_bp" >= "warn_threshold_bp"), CONSTRAINT "programmes_kind_check" CHECK ("kind" IN ('subsidy', 'living_lab', 'own')), CONSTRAINT "programmes_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "programmes_year_code_key" ON "programmes" ("fiscal_year_id", "code") `,
    );
    await q.query(
      `CREATE TABLE "programme_approvers" ("programme_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "programme_approvers_pkey" PRIMARY KEY ("programme_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "funding_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "share_bp" integer NOT NULL, "returnable" boolean NOT NULL, CONSTRAINT "funding_sources_share_check" CHECK ("share_bp" BETWEEN 0 AND 10000), CONSTRAINT "funding_sources_kind_check" CHECK ("kind" IN ('national', 'local', 'own', 'other')), CONSTRAINT "funding_sources_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "funding_sources_programme_kind_name_key" ON "funding_sources" ("programme_id", "kind", "name") `,
    );
    await q.query(
      `CREATE TABLE "budget_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "level" integer NOT NULL, "parent_id" uuid, "name_ko" text NOT NULL, "name_en" text NOT NULL, "evidence" text array NOT NULL DEFAULT '{}', CONSTRAINT "budget_categories_level_check" CHECK (("parent_id" IS NULL) = ("level" = 1) AND "level" IN (1, 2)), CONSTRAINT "budget_categories_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "budget_categories_code_key" ON "budget_categories" ("code") `);
    await q.query(
      `CREATE TABLE "budget_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "category_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "budget_lines_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "budget_lines_programme_category_name_key" ON "budget_lines" ("programme_id", "category_id", "name") `,
    );
    await q.query(
      `CREATE TABLE "budget_allocations" ("budget_line_id" uuid NOT NULL, "funding_source_id" uuid NOT NULL, "initial_amount" bigint NOT NULL, CONSTRAINT "budget_allocations_initial_check" CHECK ("initial_amount" >= 0), CONSTRAINT "budget_allocations_pkey" PRIMARY KEY ("budget_line_id", "funding_source_id"))`,
    );
    await q.query(
      `CREATE TABLE "budget_amendments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "reason" text NOT NULL, "state" text NOT NULL DEFAULT 'requested', "requested_by" uuid NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "budget_amendments_decider_check" CHECK (("state" = 'requested') = ("decided_by" IS NULL) AND "decided_by" IS DISTINCT FROM "requested_by"), CONSTRAINT "budget_amendments_state_check" CHECK ("state" IN ('requested', 'approved', 'rejected')), CONSTRAINT "budget_amendments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "budget_amendments_programme_idx" ON "budget_amendments" ("programme_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "budget_amendment_items" ("amendment_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, "funding_source_id" uuid NOT NULL, "delta" bigint NOT NULL, CONSTRAINT "budget_amendment_items_delta_check" CHECK ("delta" <> 0), CONSTRAINT "budget_amendment_items_pkey" PRIMARY KEY ("amendment_id", "budget_line_id", "funding_source_id"))`,
    );
    await q.query(
      `CREATE TABLE "expenses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, "title" text NOT NULL, "amount" bigint NOT NULL, "state" text NOT NULL DEFAULT 'requested', "expense_date" date NOT NULL, "payee_name" text NOT NULL, "payee_account" text, "evidence_type" text NOT NULL, "booking_id" uuid, "project_id" uuid, "agreement_id" uuid, "requested_by" uuid NOT NULL, "approved_by" uuid, "paid_at" TIMESTAMP WITH TIME ZONE, "paid_entry_id" uuid, "substantive_verified_by" uuid, "substantive_verified_at" TIMESTAMP WITH TIME ZONE, "financial_verified_by" uuid, "financial_verified_at" TIMESTAMP WITH TIME ZONE, "disallowed_amount" bigint NOT NULL DEFAULT '0', "disallowed_reason" text, "state_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "expenses_paid_check" CHECK (("paid_entry_id" IS NULL) = ("paid_at" IS NULL)), CONSTRAINT "expenses_verified_check" CHECK ("state" <> 'verified' OR ("substantive_verified_by" IS NOT NULL AND "financial_verified_by" IS NOT NULL)), CONSTRAINT "expenses_verifiers_check" CHECK ("substantive_verified_by" IS DISTINCT FROM "requested_by" AND "financial_verified_by" IS DISTINCT FROM "requested_by" AND ("substantive_verified_by" IS NULL OR "substantive_verified_by" IS DISTINCT FROM "financial_verified_by")), CONSTRAINT "expenses_disallowed_check" CHECK ("disallowed_amount" BETWEEN 0 AND "amount" AND ("disallowed_amount" = 0 OR "disallowed_reason" IS NOT NULL)), CONSTRAINT "expenses_amount_check" CHECK ("amount" > 0), CONSTRAINT "expenses_evidence_type_check" CHECK ("evidence_type" IN ('e_tax_invoice', 'card_slip', 'other')), CONSTRAINT "expenses_state_check" CHECK ("state" IN ('requested', 'approved', 'paid', 'evidence_complete', 'verified', 'rejected', 'evidence_missing', 'disallowed')), CONSTRAINT "expenses_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "expenses_requested_by_idx" ON "expenses" ("requested_by") `);
    await q.query(`CREATE INDEX "expenses_line_idx" ON "expenses" ("budget_line_id") `);
    await q.query(`CREATE INDEX "expenses_programme_state_idx" ON "expenses" ("programme_id", "state") `);
    await q.query(
      `CREATE TABLE "expense_splits" ("expense_id" uuid NOT NULL, "funding_source_id" uuid NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "expense_splits_amount_check" CHECK ("amount" >= 0), CONSTRAINT "expense_splits_pkey" PRIMARY KEY ("expense_id", "funding_source_id"))`,
    );
    await q.query(
      `CREATE TABLE "expense_evidence" ("expense_id" uuid NOT NULL, "item" text NOT NULL, "file_id" uuid, "note" text NOT NULL DEFAULT '', "provided_by" uuid NOT NULL, "provided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "expense_evidence_pkey" PRIMARY KEY ("expense_id", "item"))`,
    );
    await q.query(
      `CREATE TABLE "income_mappings" ("asset_category_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, CONSTRAINT "income_mappings_pkey" PRIMARY KEY ("asset_category_id"))`,
    );
    await q.query(
      `CREATE TABLE "booking_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "kind" text NOT NULL, "method" text NOT NULL, "reference" text NOT NULL DEFAULT '', "payer_name" text NOT NULL DEFAULT '', "amount" bigint NOT NULL, "received_on" date NOT NULL, "budget_line_id" uuid, "entry_id" uuid NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_payments_amount_check" CHECK ("amount" > 0), CONSTRAINT "booking_payments_method_check" CHECK ("method" IN ('bank_transfer', 'card', 'cash')), CONSTRAINT "booking_payments_kind_check" CHECK ("kind" IN ('fee', 'deposit', 'deposit_return', 'deposit_kept', 'cancellation_fee', 'refund')), CONSTRAINT "booking_payments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "booking_payments_reference_key" ON "booking_payments" ("method", "reference") WHERE "reference" <> ''`,
    );
    await q.query(`CREATE INDEX "booking_payments_booking_idx" ON "booking_payments" ("booking_id") `);
    await q.query(
      `CREATE TABLE "in_kind_waivers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "value" bigint NOT NULL, "reason" text NOT NULL, "budget_line_id" uuid, "waived_by" uuid NOT NULL, "entry_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "in_kind_waivers_value_check" CHECK ("value" > 0), CONSTRAINT "in_kind_waivers_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "in_kind_waivers_booking_key" ON "in_kind_waivers" ("booking_id") `);
    await q.query(
      `CREATE TABLE "rent_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, "monthly_amount" bigint NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "rent_schedules_range_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "rent_schedules_amount_check" CHECK ("monthly_amount" > 0), CONSTRAINT "rent_schedules_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "rent_schedules_agreement_key" ON "rent_schedules" ("agreement_id") `);
    await q.query(
      `CREATE TABLE "rent_postings" ("schedule_id" uuid NOT NULL, "month" date NOT NULL, "entry_id" uuid NOT NULL, CONSTRAINT "rent_postings_pkey" PRIMARY KEY ("schedule_id", "month"))`,
    );
    await q.query(
      `CREATE TABLE "bank_mappings" ("bank" text NOT NULL, "mapping" jsonb NOT NULL, "updated_by" uuid NOT NULL, CONSTRAINT "bank_mappings_pkey" PRIMARY KEY ("bank"))`,
    );
    await q.query(
      `CREATE TABLE "bank_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "bank" text NOT NULL, "file_name" text NOT NULL, "file_sha256" text NOT NULL, "encoding" text NOT NULL, "line_count" integer NOT NULL, "imported_by" uuid NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bank_imports_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "bank_imports_sha256_key" ON "bank_imports" ("file_sha256") `);
    await q.query(
      `CREATE TABLE "bank_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "import_id" uuid NOT NULL, "row_hash" text NOT NULL, "line_date" date NOT NULL, "amount" bigint NOT NULL, "counterparty" text NOT NULL DEFAULT '', "memo" text NOT NULL DEFAULT '', "balance" bigint, CONSTRAINT "bank_lines_amount_check" CHECK ("amount" <> 0), CONSTRAINT "bank_lines_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "bank_lines_import_idx" ON "bank_lines" ("import_id") `);
    await q.query(`CREATE INDEX "bank_lines_date_amount_idx" ON "bank_lines" ("line_date", "amount") `);
    await q.query(`CREATE UNIQUE INDEX "bank_lines_row_hash_key" ON "bank_lines" ("row_hash") `);
    await q.query(
      `CREATE TABLE "bank_matches" ("bank_line_id" uuid NOT NULL, "target" text NOT NULL, "method" text NOT NULL, "expense_id" uuid, "payment_id" uuid, "entry_id" uuid, "matched_by" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "matched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bank_matches_target_ids_check" CHECK (("target" = 'expense') = ("expense_id" IS NOT NULL) AND ("target" = 'payment') = ("payment_id" IS NOT NULL)), CONSTRAINT "bank_matches_method_check" CHECK ("method" IN ('auto', 'manual')), CONSTRAINT "bank_matches_target_check" CHECK ("target" IN ('expense', 'payment', 'interest', 'other')), CONSTRAINT "bank_matches_pkey" PRIMARY KEY ("bank_line_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "bank_matches_payment_key" ON "bank_matches" ("payment_id") WHERE "payment_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "bank_matches_expense_key" ON "bank_matches" ("expense_id") WHERE "expense_id" IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "fiscal_periods" ADD CONSTRAINT "fiscal_periods_fiscal_year_id_fkey" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "fiscal_periods" ADD CONSTRAINT "fiscal_periods_closed_by_fkey" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_posted_by_fkey" FOREIGN KEY ("posted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "programmes_fiscal_year_id_fkey" FOREIGN KEY ("fiscal_year_id") REFERENCES "fiscal_years"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "programmes_lead_group_id_fkey" FOREIGN KEY ("lead_group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "programme_approvers" ADD CONSTRAINT "programme_approvers_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "programme_approvers" ADD CONSTRAINT "programme_approvers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_categories" ADD CONSTRAINT "budget_categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "budget_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "budget_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_allocations" ADD CONSTRAINT "budget_allocations_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_allocations" ADD CONSTRAINT "budget_allocations_funding_source_id_fkey" FOREIGN KEY ("funding_source_id") REFERENCES "funding_sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_amendments" ADD CONSTRAINT "budget_amendments_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_amendments" ADD CONSTRAINT "budget_amendments_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_amendments" ADD CONSTRAINT "budget_amendments_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_amendment_items" ADD CONSTRAINT "budget_amendment_items_amendment_id_fkey" FOREIGN KEY ("amendment_id") REFERENCES "budget_amendments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "budget_amendment_items" ADD CONSTRAINT "FK_f73f60fe91b409b1a6b73680e1e" FOREIGN KEY ("budget_line_id", "funding_source_id") REFERENCES "budget_allocations"("budget_line_id","funding_source_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_paid_entry_id_fkey" FOREIGN KEY ("paid_entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_substantive_verified_by_fkey" FOREIGN KEY ("substantive_verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expenses" ADD CONSTRAINT "expenses_financial_verified_by_fkey" FOREIGN KEY ("financial_verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expense_splits" ADD CONSTRAINT "expense_splits_expense_id_fkey" FOREIGN KEY ("expense_id") REFERENCES "expenses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expense_splits" ADD CONSTRAINT "expense_splits_funding_source_id_fkey" FOREIGN KEY ("funding_source_id") REFERENCES "funding_sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expense_evidence" ADD CONSTRAINT "expense_evidence_expense_id_fkey" FOREIGN KEY ("expense_id") REFERENCES "expenses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "expense_evidence" ADD CONSTRAINT "expense_evidence_provided_by_fkey" FOREIGN KEY ("provided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "income_mappings" ADD CONSTRAINT "income_mappings_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "in_kind_waivers" ADD CONSTRAINT "in_kind_waivers_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "in_kind_waivers" ADD CONSTRAINT "in_kind_waivers_waived_by_fkey" FOREIGN KEY ("waived_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "in_kind_waivers" ADD CONSTRAINT "in_kind_waivers_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rent_schedules" ADD CONSTRAINT "rent_schedules_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rent_schedules" ADD CONSTRAINT "rent_schedules_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rent_postings" ADD CONSTRAINT "rent_postings_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "rent_schedules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "rent_postings" ADD CONSTRAINT "rent_postings_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_mappings" ADD CONSTRAINT "bank_mappings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_imports" ADD CONSTRAINT "bank_imports_imported_by_fkey" FOREIGN KEY ("imported_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "bank_imports"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_bank_line_id_fkey" FOREIGN KEY ("bank_line_id") REFERENCES "bank_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_expense_id_fkey" FOREIGN KEY ("expense_id") REFERENCES "expenses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "booking_payments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_matches" ADD CONSTRAINT "bank_matches_matched_by_fkey" FOREIGN KEY ("matched_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    for (const statement of TRIGGERS) await q.query(statement);
    for (const statement of seedStatements()) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of DROP_TRIGGERS) await q.query(statement);
    await q.query(`ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_matched_by_fkey"`);
    await q.query(`ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_entry_id_fkey"`);
    await q.query(`ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_payment_id_fkey"`);
    await q.query(`ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_expense_id_fkey"`);
    await q.query(`ALTER TABLE "bank_matches" DROP CONSTRAINT "bank_matches_bank_line_id_fkey"`);
    await q.query(`ALTER TABLE "bank_lines" DROP CONSTRAINT "bank_lines_import_id_fkey"`);
    await q.query(`ALTER TABLE "bank_imports" DROP CONSTRAINT "bank_imports_imported_by_fkey"`);
    await q.query(`ALTER TABLE "bank_mappings" DROP CONSTRAINT "bank_mappings_updated_by_fkey"`);
    await q.query(`ALTER TABLE "rent_postings" DROP CONSTRAINT "rent_postings_entry_id_fkey"`);
    await q.query(`ALTER TABLE "rent_postings" DROP CONSTRAINT "rent_postings_schedule_id_fkey"`);
    await q.query(`ALTER TABLE "rent_schedules" DROP CONSTRAINT "rent_schedules_created_by_fkey"`);
    await q.query(`ALTER TABLE "rent_schedules" DROP CONSTRAINT "rent_schedules_budget_line_id_fkey"`);
    await q.query(`ALTER TABLE "in_kind_waivers" DROP CONSTRAINT "in_kind_waivers_entry_id_fkey"`);
    await q.query(`ALTER TABLE "in_kind_waivers" DROP CONSTRAINT "in_kind_waivers_waived_by_fkey"`);
    await q.query(`ALTER TABLE "in_kind_waivers" DROP CONSTRAINT "in_kind_waivers_budget_line_id_fkey"`);
    await q.query(`ALTER TABLE "booking_payments" DROP CONSTRAINT "booking_payments_recorded_by_fkey"`);
    await q.query(`ALTER TABLE "booking_payments" DROP CONSTRAINT "booking_payments_entry_id_fkey"`);
    await q.query(`ALTER TABLE "booking_payments" DROP CONSTRAINT "booking_payments_budget_line_id_fkey"`);
    await q.query(`ALTER TABLE "income_mappings" DROP CONSTRAINT "income_mappings_budget_line_id_fkey"`);
    await q.query(`ALTER TABLE "expense_evidence" DROP CONSTRAINT "expense_evidence_provided_by_fkey"`);
    await q.query(`ALTER TABLE "expense_evidence" DROP CONSTRAINT "expense_evidence_expense_id_fkey"`);
    await q.query(`ALTER TABLE "expense_splits" DROP CONSTRAINT "expense_splits_funding_source_id_fkey"`);
    await q.query(`ALTER TABLE "expense_splits" DROP CONSTRAINT "expense_splits_expense_id_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_financial_verified_by_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_substantive_verified_by_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_paid_entry_id_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_approved_by_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_requested_by_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_budget_line_id_fkey"`);
    await q.query(`ALTER TABLE "expenses" DROP CONSTRAINT "expenses_programme_id_fkey"`);
    await q.query(`ALTER TABLE "budget_amendment_items" DROP CONSTRAINT "FK_f73f60fe91b409b1a6b73680e1e"`);
    await q.query(
      `ALTER TABLE "budget_amendment_items" DROP CONSTRAINT "budget_amendment_items_amendment_id_fkey"`,
    );
    await q.query(`ALTER TABLE "budget_amendments" DROP CONSTRAINT "budget_amendments_decided_by_fkey"`);
    await q.query(`ALTER TABLE "budget_amendments" DROP CONSTRAINT "budget_amendments_requested_by_fkey"`);
    await q.query(`ALTER TABLE "budget_amendments" DROP CONSTRAINT "budget_amendments_programme_id_fkey"`);
    await q.query(
      `ALTER TABLE "budget_allocations" DROP CONSTRAINT "budget_allocations_funding_source_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "budget_allocations" DROP CONSTRAINT "budget_allocations_budget_line_id_fkey"`,
    );
    await q.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "budget_lines_category_id_fkey"`);
    await q.query(`ALTER TABLE "budget_lines" DROP CONSTRAINT "budget_lines_programme_id_fkey"`);
    await q.query(`ALTER TABLE "budget_categories" DROP CONSTRAINT "budget_categories_parent_id_fkey"`);
    await q.query(`ALTER TABLE "funding_sources" DROP CONSTRAINT "funding_sources_programme_id_fkey"`);
    await q.query(`ALTER TABLE "programme_approvers" DROP CONSTRAINT "programme_approvers_user_id_fkey"`);
    await q.query(
      `ALTER TABLE "programme_approvers" DROP CONSTRAINT "programme_approvers_programme_id_fkey"`,
    );
    await q.query(`ALTER TABLE "programmes" DROP CONSTRAINT "programmes_lead_group_id_fkey"`);
    await q.query(`ALTER TABLE "programmes" DROP CONSTRAINT "programmes_fiscal_year_id_fkey"`);
    await q.query(`ALTER TABLE "journal_lines" DROP CONSTRAINT "journal_lines_account_id_fkey"`);
    await q.query(`ALTER TABLE "journal_lines" DROP CONSTRAINT "journal_lines_entry_id_fkey"`);
    await q.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_reverses_id_fkey"`);
    await q.query(`ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_posted_by_fkey"`);
    await q.query(`ALTER TABLE "fiscal_periods" DROP CONSTRAINT "fiscal_periods_closed_by_fkey"`);
    await q.query(`ALTER TABLE "fiscal_periods" DROP CONSTRAINT "fiscal_periods_fiscal_year_id_fkey"`);
    await q.query(`DROP INDEX "public"."bank_matches_expense_key"`);
    await q.query(`DROP INDEX "public"."bank_matches_payment_key"`);
    await q.query(`DROP TABLE "bank_matches"`);
    await q.query(`DROP INDEX "public"."bank_lines_row_hash_key"`);
    await q.query(`DROP INDEX "public"."bank_lines_date_amount_idx"`);
    await q.query(`DROP INDEX "public"."bank_lines_import_idx"`);
    await q.query(`DROP TABLE "bank_lines"`);
    await q.query(`DROP INDEX "public"."bank_imports_sha256_key"`);
    await q.query(`DROP TABLE "bank_imports"`);
    await q.query(`DROP TABLE "bank_mappings"`);
    await q.query(`DROP TABLE "rent_postings"`);
    await q.query(`DROP INDEX "public"."rent_schedules_agreement_key"`);
    await q.query(`DROP TABLE "rent_schedules"`);
    await q.query(`DROP INDEX "public"."in_kind_waivers_booking_key"`);
    await q.query(`DROP TABLE "in_kind_waivers"`);
    await q.query(`DROP INDEX "public"."booking_payments_booking_idx"`);
    await q.query(`DROP INDEX "public"."booking_payments_reference_key"`);
    await q.query(`DROP TABLE "booking_payments"`);
    await q.query(`DROP TABLE "income_mappings"`);
    await q.query(`DROP TABLE "expense_evidence"`);
    await q.query(`DROP TABLE "expense_splits"`);
    await q.query(`DROP INDEX "public"."expenses_programme_state_idx"`);
    await q.query(`DROP INDEX "public"."expenses_line_idx"`);
    await q.query(`DROP INDEX "public"."expenses_requested_by_idx"`);
    await q.query(`DROP TABLE "expenses"`);
    await q.query(`DROP TABLE "budget_amendment_items"`);
    await q.query(`DROP INDEX "public"."budget_amendments_programme_idx"`);
    await q.query(`DROP TABLE "budget_amendments"`);
    await q.query(`DROP TABLE "budget_allocations"`);
    await q.query(`DROP INDEX "public"."budget_lines_programme_category_name_key"`);
    await q.query(`DROP TABLE "budget_lines"`);
    await q.query(`DROP INDEX "public"."budget_categories_code_key"`);
    await q.query(`DROP TABLE "budget_categories"`);
    await q.query(`DROP INDEX "public"."funding_sources_programme_kind_name_key"`);
    await q.query(`DROP TABLE "funding_sources"`);
    await q.query(`DROP TABLE "programme_approvers"`);
    await q.query(`DROP INDEX "public"."programmes_year_code_key"`);
    await q.query(`DROP TABLE "programmes"`);
    await q.query(`DROP INDEX "public"."journal_lines_entry_idx"`);
    await q.query(`DROP INDEX "public"."journal_lines_programme_idx"`);
    await q.query(`DROP INDEX "public"."journal_lines_budget_line_idx"`);
    await q.query(`DROP TABLE "journal_lines"`);
    await q.query(`DROP INDEX "public"."journal_entries_date_idx"`);
    await q.query(`DROP INDEX "public"."journal_entries_source_idx"`);
    await q.query(`DROP INDEX "public"."journal_entries_reverses_key"`);
    await q.query(`DROP TABLE "journal_entries"`);
    await q.query(`DROP INDEX "public"."ledger_accounts_code_key"`);
    await q.query(`DROP TABLE "ledger_accounts"`);
    await q.query(`DROP INDEX "public"."fiscal_periods_year_month_key"`);
    await q.query(`DROP INDEX "public"."fiscal_periods_range_idx"`);
    await q.query(`DROP TABLE "fiscal_periods"`);
    await q.query(`DROP INDEX "public"."fiscal_years_year_key"`);
    await q.query(`DROP TABLE "fiscal_years"`);
  }
}

const TRIGGERS = [
  `CREATE FUNCTION settlement_check_entry_balanced(p_entry uuid) RETURNS void LANGUAGE plpgsql AS $$
   DECLARE v_total numeric; v_lines integer;
   BEGIN
     SELECT coalesce(sum(amount), 0), count(*) INTO v_total, v_lines FROM journal_lines WHERE entry_id = p_entry;
     IF v_lines < 2 OR v_total <> 0 THEN
       RAISE EXCEPTION 'journal entry % does not balance: % lines summing to %', p_entry, v_lines, v_total
         USING ERRCODE = '23514', CONSTRAINT = 'journal_entries_balanced', TABLE = 'journal_entries';
     END IF;
   END $$`,
  `CREATE FUNCTION settlement_entry_balanced_trg() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_TABLE_NAME = 'journal_entries' THEN
       PERFORM settlement_check_entry_balanced(NEW.id);
     ELSE
       PERFORM settlement_check_entry_balanced(NEW.entry_id);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION settlement_entry_balanced_trg()`,
  `CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION settlement_entry_balanced_trg()`,
  `CREATE FUNCTION settlement_refuse_change_trg() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION '% rows are immutable: post a reversing entry instead', TG_TABLE_NAME
       USING ERRCODE = '23514', CONSTRAINT = TG_TABLE_NAME || '_immutable', TABLE = TG_TABLE_NAME;
   END $$`,
  `CREATE TRIGGER journal_entries_immutable BEFORE UPDATE OR DELETE ON journal_entries
     FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change_trg()`,
  `CREATE TRIGGER journal_lines_immutable BEFORE UPDATE OR DELETE ON journal_lines
     FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change_trg()`,
  `CREATE TRIGGER budget_allocations_immutable BEFORE UPDATE ON budget_allocations
     FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change_trg()`,
  `CREATE TRIGGER budget_amendment_items_immutable BEFORE UPDATE ON budget_amendment_items
     FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change_trg()`,
  `CREATE TRIGGER bank_lines_immutable BEFORE UPDATE OR DELETE ON bank_lines
     FOR EACH ROW EXECUTE FUNCTION settlement_refuse_change_trg()`,
  `CREATE FUNCTION settlement_period_open_trg() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_TABLE_NAME = 'journal_entries' THEN
       IF EXISTS (SELECT 1 FROM new_rows n JOIN fiscal_periods p
                    ON n.entry_date BETWEEN p.starts_on AND p.ends_on AND p.closed_at IS NOT NULL) THEN
         RAISE EXCEPTION 'the fiscal period is closed' USING ERRCODE = '23514',
           CONSTRAINT = 'journal_entries_period_open', TABLE = 'journal_entries';
       END IF;
     ELSIF EXISTS (SELECT 1 FROM new_rows n JOIN journal_entries e ON e.id = n.entry_id
                     JOIN fiscal_periods p ON e.entry_date BETWEEN p.starts_on AND p.ends_on AND p.closed_at IS NOT NULL) THEN
       RAISE EXCEPTION 'the fiscal period is closed' USING ERRCODE = '23514',
         CONSTRAINT = 'journal_entries_period_open', TABLE = 'journal_lines';
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER journal_entries_period_open AFTER INSERT ON journal_entries
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION settlement_period_open_trg()`,
  `CREATE TRIGGER journal_lines_period_open AFTER INSERT ON journal_lines
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION settlement_period_open_trg()`,
  `CREATE FUNCTION settlement_expense_guard_trg() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.requested_by <> OLD.requested_by OR NEW.amount <> OLD.amount AND OLD.paid_at IS NOT NULL
        OR OLD.substantive_verified_by IS NOT NULL AND NEW.substantive_verified_by IS DISTINCT FROM OLD.substantive_verified_by
        OR OLD.financial_verified_by IS NOT NULL AND NEW.financial_verified_by IS DISTINCT FROM OLD.financial_verified_by
        OR OLD.paid_entry_id IS NOT NULL AND NEW.paid_entry_id IS DISTINCT FROM OLD.paid_entry_id THEN
       RAISE EXCEPTION 'requester, paid amount, payment and verifications of an expense never change'
         USING ERRCODE = '23514', CONSTRAINT = 'expenses_history_immutable', TABLE = 'expenses';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER expenses_history_immutable BEFORE UPDATE ON expenses
     FOR EACH ROW EXECUTE FUNCTION settlement_expense_guard_trg()`,
  `CREATE TRIGGER expenses_no_delete BEFORE DELETE ON expenses
     FOR EACH ROW WHEN (OLD.paid_entry_id IS NOT NULL) EXECUTE FUNCTION settlement_refuse_change_trg()`,
];

const DROP_TRIGGERS = [
  `DROP TRIGGER expenses_no_delete ON expenses`,
  `DROP TRIGGER expenses_history_immutable ON expenses`,
  `DROP FUNCTION settlement_expense_guard_trg()`,
  `DROP TRIGGER journal_lines_period_open ON journal_lines`,
  `DROP TRIGGER journal_entries_period_open ON journal_entries`,
  `DROP FUNCTION settlement_period_open_trg()`,
  `DROP TRIGGER bank_lines_immutable ON bank_lines`,
  `DROP TRIGGER budget_amendment_items_immutable ON budget_amendment_items`,
  `DROP TRIGGER budget_allocations_immutable ON budget_allocations`,
  `DROP TRIGGER journal_lines_immutable ON journal_lines`,
  `DROP TRIGGER journal_entries_immutable ON journal_entries`,
  `DROP FUNCTION settlement_refuse_change_trg()`,
  `DROP TRIGGER journal_lines_balanced ON journal_lines`,
  `DROP TRIGGER journal_entries_balanced ON journal_entries`,
  `DROP FUNCTION settlement_entry_balanced_trg()`,
  `DROP FUNCTION settlement_check_entry_balanced(uuid)`,
];

/** The chart of accounts the postings use (codes are referenced by the ledger service). */
const ACCOUNTS: readonly [string, string, string, string][] = [
  ['1010', 'asset', '보조금 전용계좌', 'Dedicated subsidy bank account'],
  ['1020', 'asset', '현금', 'Cash'],
  ['1030', 'asset', '카드 매출 미수금', 'Card receipts due'],
  ['1100', 'asset', '임대료 미수금', 'Rent receivable'],
  ['2010', 'liability', '보증금 예수금', 'Deposits held'],
  ['2020', 'liability', '반납 예정액 (불인정)', 'To return (disallowed)'],
  ['2030', 'liability', '반납 예정 이자', 'Interest to return'],
  ['3010', 'equity', '보조금 및 자부담 재원', 'Grant and own funding'],
  ['4010', 'income', '대관료 수입', 'Booking fee income'],
  ['4020', 'income', '위약금·보증금 몰수 수입', 'Cancellation fees and kept deposits'],
  ['4030', 'income', '입주 임대료 수입', 'Rent income'],
  ['4090', 'in_kind', '현물 지원 (감면)', 'In-kind support (waived fees)'],
  ['5010', 'expense', '사업비 집행', 'Programme expenditure'],
  ['5020', 'expense', '불인정 금액', 'Disallowed expenditure'],
  ['5090', 'in_kind', '현물 지원 비용', 'In-kind support given'],
];

/** The common 지방보조금 비목/세목 and the evidence each 세목 needs. */
const CATEGORIES: readonly [string, string, string, string[]?][] = [
  ['100', '인건비', 'Personnel'],
  ['100-01', '보수', 'Salaries', ['payroll', 'employment_contract', 'transfer_confirmation']],
  ['100-02', '일용임금', 'Day wages', ['work_log', 'withholding_record', 'transfer_confirmation']],
  ['200', '운영비', 'Operating costs'],
  ['200-01', '일반수용비', 'Supplies and printing', ['quotation', 'inspection_record']],
  ['200-02', '공공요금및제세', 'Utilities and taxes', ['bill']],
  ['200-03', '임차료', 'Rent and leases', ['contract', 'transfer_confirmation']],
  ['200-04', '시설장비유지비', 'Facility maintenance', ['quotation', 'inspection_record', 'photo']],
  [
    '200-05',
    '강사료',
    'Instructor fees',
    ['instructor_profile', 'withholding_record', 'transfer_confirmation'],
  ],
  ['200-06', '회의비', 'Meeting costs', ['minutes', 'attendee_list']],
  ['200-07', '행사운영비', 'Event costs', ['plan', 'photo', 'attendee_list']],
  ['200-08', '위탁용역비', 'Contracted services', ['contract', 'deliverable', 'inspection_record']],
  ['300', '여비', 'Travel'],
  ['300-01', '국내여비', 'Domestic travel', ['travel_order', 'travel_report']],
  ['400', '업무추진비', 'Business promotion'],
  ['400-01', '사업추진업무추진비', 'Programme promotion', ['purpose_note', 'attendee_list']],
  ['500', '자산취득비', 'Asset acquisition'],
  [
    '500-01',
    '자산및물품취득비',
    'Assets and equipment',
    ['quotation', 'inspection_record', 'asset_register'],
  ],
  ['900', '수입', 'Income'],
  ['900-01', '대관료 수입', 'Rental income'],
  ['900-02', '입주 임대료 수입', 'Residency rent income'],
];

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function seedStatements(): string[] {
  const accounts = ACCOUNTS.map((a) => `(${a.map(literal).join(', ')})`).join(',\n');
  const parents = CATEGORIES.filter((c) => !c[0].includes('-'));
  const children = CATEGORIES.filter((c) => c[0].includes('-'));
  return [
    `INSERT INTO ledger_accounts (code, kind, name_ko, name_en) VALUES ${accounts}`,
    `INSERT INTO budget_categories (code, level, name_ko, name_en) VALUES ${parents
      .map((c) => `(${literal(c[0])}, 1, ${literal(c[1])}, ${literal(c[2])})`)
      .join(', ')}`,
    `INSERT INTO budget_categories (code, level, parent_id, name_ko, name_en, evidence)
     SELECT v.code, 2, p.id, v.name_ko, v.name_en, v.evidence::text[]
       FROM (VALUES ${children
         .map(
           (c) =>
             `(${literal(c[0])}, ${literal(c[1])}, ${literal(c[2])}, ${literal(`{${(c[3] ?? []).join(',')}}`)})`,
         )
         .join(', ')}) AS v(code, name_ko, name_en, evidence)
       JOIN budget_categories p ON p.code = split_part(v.code, '-', 1)`,
  ];
}
