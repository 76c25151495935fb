import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruitment (open calls): calls with dated phases and their moves, versioned forms, reviewer
 * panels, applications, supplements, objections, reviewer assignments with score sheets,
 * agreements with obligations, and time-bound group privileges. The database's own rules:
 * - a submission after the call's deadline is refused (trigger `recruitment_applications_deadline`);
 * - a reviewer who has not declared, declared a conflict or has one detected cannot hold scores
 *   (CHECK `recruitment_assignments_conflict_check`), and a submitted sheet never changes (trigger);
 * - one live application per group and call; one agreement per application.
 * Errors carry SQLSTATE 23514 (or 23505) with the rule's name as the constraint, mapped by the API.
 */
export class Recruitment1765700000000 implements MigrationInterface {
  name = 'Recruitment1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "recruitment_calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" jsonb NOT NULL, "summary" jsonb NOT NULL, "body" jsonb NOT NULL, "eligibility" jsonb NOT NULL, "offer" jsonb NOT NULL, "schedule" jsonb NOT NULL DEFAULT '{}', "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "phase" text NOT NULL DEFAULT 'draft', "blind" boolean NOT NULL DEFAULT false, "has_interview" boolean NOT NULL DEFAULT false, "aggregation" text NOT NULL DEFAULT 'mean', "reviewers_per_application" integer NOT NULL DEFAULT '2', "budget_line_id" uuid, "rubric" jsonb, "tie_breaks" jsonb NOT NULL DEFAULT '[]', "results_published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_calls_k_check" CHECK ("reviewers_per_application" BETWEEN 1 AND 20), CONSTRAINT "recruitment_calls_aggregation_check" CHECK ("aggregation" IN ('mean', 'median')), CONSTRAINT "recruitment_calls_phase_check" CHECK ("phase" IN ('draft', 'open', 'closed', 'screening', 'review_document', 'review_interview', 'provisional_results', 'objection_window', 'final_results', 'agreements')), CONSTRAINT "recruitment_calls_kind_check" CHECK ("kind" IN ('residency', 'coworking', 'partner_space', 'small_grant')), CONSTRAINT "recruitment_calls_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "recruitment_calls_phase_idx" ON "recruitment_calls" ("phase")`);
    await q.query(
      `CREATE TABLE "recruitment_phase_moves" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "from_phase" text NOT NULL, "to_phase" text NOT NULL, "moved_by" uuid, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_phase_moves_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "recruitment_phase_moves_call_idx" ON "recruitment_phase_moves" ("call_id", "at")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_forms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "version" integer NOT NULL, "sections" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_forms_version_check" CHECK ("version" >= 1), CONSTRAINT "recruitment_forms_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "recruitment_forms_call_version_key" ON "recruitment_forms" ("call_id", "version")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_reviewers" ("call_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "recruitment_reviewers_pkey" PRIMARY KEY ("call_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "recruitment_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "form_id" uuid NOT NULL, "group_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'draft', "answers" jsonb NOT NULL DEFAULT '{}', "eligibility" text NOT NULL DEFAULT 'pending', "eligibility_reasons" jsonb NOT NULL DEFAULT '[]', "screened_by" uuid, "decision" text, "decision_rationale" text, "decided_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_applications_submitted_check" CHECK ("state" <> 'submitted' OR "submitted_at" IS NOT NULL), CONSTRAINT "recruitment_applications_decision_check" CHECK ("decision" IS NULL OR ("decision" IN ('selected', 'reserve', 'not_selected') AND "decision_rationale" IS NOT NULL)), CONSTRAINT "recruitment_applications_eligibility_check" CHECK ("eligibility" IN ('pending', 'eligible', 'ineligible')), CONSTRAINT "recruitment_applications_state_check" CHECK ("state" IN ('draft', 'submitted', 'withdrawn')), CONSTRAINT "recruitment_applications_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "recruitment_applications_group_key" ON "recruitment_applications" ("call_id", "group_id") WHERE "state" <> 'withdrawn'`,
    );
    await q.query(
      `CREATE INDEX "recruitment_applications_applicant_idx" ON "recruitment_applications" ("applicant_id")`,
    );
    await q.query(
      `CREATE INDEX "recruitment_applications_call_idx" ON "recruitment_applications" ("call_id", "state")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_supplements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "field_ids" jsonb NOT NULL, "message" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" text NOT NULL DEFAULT 'requested', "requested_by" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_supplements_state_check" CHECK ("state" IN ('requested', 'answered', 'expired')), CONSTRAINT "recruitment_supplements_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "recruitment_supplements_application_idx" ON "recruitment_supplements" ("application_id")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_objections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "reasons" text NOT NULL, "state" text NOT NULL DEFAULT 'filed', "answer" text, "answered_by" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_objections_answer_check" CHECK (("state" = 'filed') = ("answer" IS NULL) AND ("answer" IS NULL) = ("answered_at" IS NULL)), CONSTRAINT "recruitment_objections_state_check" CHECK ("state" IN ('filed', 'upheld', 'dismissed')), CONSTRAINT "recruitment_objections_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "recruitment_objections_application_idx" ON "recruitment_objections" ("application_id")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "application_id" uuid NOT NULL, "group_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'draft', "term_start" date NOT NULL, "term_end" date NOT NULL, "asset_ids" uuid array NOT NULL DEFAULT '{}', "seat_count" integer, "monthly_fee" bigint NOT NULL, "deposit" bigint NOT NULL, "renewal_on" date, "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by" uuid, "block_ids" uuid array NOT NULL DEFAULT '{}', "rent_schedule_id" uuid, "partner_asset_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_agreements_signed_check" CHECK (("state" = 'draft') = ("signed_at" IS NULL) AND ("signed_at" IS NULL) = ("signed_by" IS NULL)), CONSTRAINT "recruitment_agreements_money_check" CHECK ("monthly_fee" >= 0 AND "deposit" >= 0), CONSTRAINT "recruitment_agreements_term_check" CHECK ("term_end" >= "term_start"), CONSTRAINT "recruitment_agreements_state_check" CHECK ("state" IN ('draft', 'signed', 'ended', 'cancelled')), CONSTRAINT "recruitment_agreements_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "recruitment_agreements_group_idx" ON "recruitment_agreements" ("group_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "recruitment_agreements_application_key" ON "recruitment_agreements" ("application_id")`,
    );
    await q.query(
      `CREATE TABLE "recruitment_obligations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "title" text NOT NULL, "due_on" date NOT NULL, "remind_days_before" integer NOT NULL DEFAULT '7', "reminded_at" TIMESTAMP WITH TIME ZONE, "state" text NOT NULL DEFAULT 'open', "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_obligations_remind_check" CHECK ("remind_days_before" BETWEEN 0 AND 365), CONSTRAINT "recruitment_obligations_done_check" CHECK (("state" = 'done') = ("completed_at" IS NOT NULL)), CONSTRAINT "recruitment_obligations_state_check" CHECK ("state" IN ('open', 'done')), CONSTRAINT "recruitment_obligations_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "recruitment_obligations_agreement_idx" ON "recruitment_obligations" ("agreement_id")`,
    );
    await q.query(
      `CREATE INDEX "recruitment_obligations_due_idx" ON "recruitment_obligations" ("state", "due_on")`,
    );
    await q.query(
      `CREATE TABLE "group_privileges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "tag" text NOT NULL, "extra_advance_days" integer NOT NULL DEFAULT '0', "source_type" text NOT NULL, "source_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "group_privileges_days_check" CHECK ("extra_advance_days" BETWEEN 0 AND 365), CONSTRAINT "group_privileges_tag_check" CHECK ("tag" ~ '^[a-z][a-z0-9_]{0,39}$'), CONSTRAINT "group_privileges_range_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "group_privileges_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "group_privileges_source_idx" ON "group_privileges" ("source_type", "source_id")`,
    );
    await q.query(`CREATE INDEX "group_privileges_group_idx" ON "group_privileges" ("group_id", "ends_on")`);
    await q.query(
      `CREATE TABLE "recruitment_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "declared_conflict" boolean, "declaration_note" text, "declared_at" TIMESTAMP WITH TIME ZONE, "detected_conflicts" jsonb NOT NULL DEFAULT '[]', "scores" jsonb NOT NULL DEFAULT '{}', "comments" jsonb NOT NULL DEFAULT '{}', "overall_comment" text, "total" numeric(9,4), "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "recruitment_assignments_declared_check" CHECK (("declared_conflict" IS NULL) = ("declared_at" IS NULL)), CONSTRAINT "recruitment_assignments_submitted_check" CHECK ("submitted_at" IS NULL OR "scores" <> '{}'::jsonb), CONSTRAINT "recruitment_assignments_conflict_check" CHECK ("scores" = '{}'::jsonb OR ("declared_conflict" = false AND "detected_conflicts" = '[]'::jsonb)), CONSTRAINT "recruitment_assignments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "recruitment_assignments_call_idx" ON "recruitment_assignments" ("call_id")`);
    await q.query(
      `CREATE INDEX "recruitment_assignments_reviewer_idx" ON "recruitment_assignments" ("reviewer_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "recruitment_assignments_pair_key" ON "recruitment_assignments" ("application_id", "reviewer_id")`,
    );
    await q.query(
      `ALTER TABLE "recruitment_calls" ADD CONSTRAINT "recruitment_calls_budget_line_id_fkey" FOREIGN KEY ("budget_line_id") REFERENCES "budget_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_calls" ADD CONSTRAINT "recruitment_calls_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_phase_moves" ADD CONSTRAINT "recruitment_phase_moves_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_phase_moves" ADD CONSTRAINT "recruitment_phase_moves_moved_by_fkey" FOREIGN KEY ("moved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_forms" ADD CONSTRAINT "recruitment_forms_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_reviewers" ADD CONSTRAINT "recruitment_reviewers_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_reviewers" ADD CONSTRAINT "recruitment_reviewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "recruitment_forms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_applicant_id_fkey" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_screened_by_fkey" FOREIGN KEY ("screened_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" ADD CONSTRAINT "recruitment_applications_decided_by_fkey" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_supplements" ADD CONSTRAINT "recruitment_supplements_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "recruitment_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_supplements" ADD CONSTRAINT "recruitment_supplements_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_objections" ADD CONSTRAINT "recruitment_objections_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "recruitment_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_objections" ADD CONSTRAINT "recruitment_objections_answered_by_fkey" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" ADD CONSTRAINT "recruitment_agreements_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" ADD CONSTRAINT "recruitment_agreements_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "recruitment_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" ADD CONSTRAINT "recruitment_agreements_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" ADD CONSTRAINT "recruitment_agreements_signed_by_fkey" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" ADD CONSTRAINT "recruitment_agreements_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_obligations" ADD CONSTRAINT "recruitment_obligations_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "recruitment_agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_obligations" ADD CONSTRAINT "recruitment_obligations_completed_by_fkey" FOREIGN KEY ("completed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "group_privileges" ADD CONSTRAINT "group_privileges_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_assignments" ADD CONSTRAINT "recruitment_assignments_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "recruitment_calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_assignments" ADD CONSTRAINT "recruitment_assignments_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "recruitment_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "recruitment_assignments" ADD CONSTRAINT "recruitment_assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // A submission after the call's deadline is refused by the database too (to the microsecond).
    await q.query(`CREATE FUNCTION recruitment_applications_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  call_deadline timestamptz;
BEGIN
  IF NEW.submitted_at IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.submitted_at IS NOT DISTINCT FROM OLD.submitted_at THEN
    RETURN NEW;
  END IF;
  SELECT deadline INTO call_deadline FROM recruitment_calls WHERE id = NEW.call_id;
  IF NEW.submitted_at > call_deadline THEN
    RAISE EXCEPTION 'submitted after the deadline of call %', NEW.call_id
      USING ERRCODE = '23514', CONSTRAINT = 'recruitment_applications_deadline';
  END IF;
  RETURN NEW;
END $$`);
    await q.query(
      `CREATE TRIGGER recruitment_applications_deadline BEFORE INSERT OR UPDATE OF submitted_at ON recruitment_applications FOR EACH ROW EXECUTE FUNCTION recruitment_applications_deadline()`,
    );
    // A submitted review sheet never changes.
    await q.query(`CREATE FUNCTION recruitment_assignments_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.submitted_at IS NOT NULL AND (NEW.scores, NEW.comments, NEW.overall_comment, NEW.total, NEW.submitted_at)
     IS DISTINCT FROM (OLD.scores, OLD.comments, OLD.overall_comment, OLD.total, OLD.submitted_at) THEN
    RAISE EXCEPTION 'review % is submitted', OLD.id
      USING ERRCODE = '23514', CONSTRAINT = 'recruitment_assignments_sealed';
  END IF;
  RETURN NEW;
END $$`);
    await q.query(
      `CREATE TRIGGER recruitment_assignments_sealed BEFORE UPDATE ON recruitment_assignments FOR EACH ROW EXECUTE FUNCTION recruitment_assignments_sealed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER recruitment_assignments_sealed ON recruitment_assignments`);
    await q.query(`DROP FUNCTION recruitment_assignments_sealed()`);
    await q.query(`DROP TRIGGER recruitment_applications_deadline ON recruitment_applications`);
    await q.query(`DROP FUNCTION recruitment_applications_deadline()`);
    await q.query(
      `ALTER TABLE "recruitment_assignments" DROP CONSTRAINT "recruitment_assignments_reviewer_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_assignments" DROP CONSTRAINT "recruitment_assignments_application_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_assignments" DROP CONSTRAINT "recruitment_assignments_call_id_fkey"`,
    );
    await q.query(`ALTER TABLE "group_privileges" DROP CONSTRAINT "group_privileges_group_id_fkey"`);
    await q.query(
      `ALTER TABLE "recruitment_obligations" DROP CONSTRAINT "recruitment_obligations_completed_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_obligations" DROP CONSTRAINT "recruitment_obligations_agreement_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" DROP CONSTRAINT "recruitment_agreements_created_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" DROP CONSTRAINT "recruitment_agreements_signed_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" DROP CONSTRAINT "recruitment_agreements_group_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" DROP CONSTRAINT "recruitment_agreements_application_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_agreements" DROP CONSTRAINT "recruitment_agreements_call_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_objections" DROP CONSTRAINT "recruitment_objections_answered_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_objections" DROP CONSTRAINT "recruitment_objections_application_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_supplements" DROP CONSTRAINT "recruitment_supplements_requested_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_supplements" DROP CONSTRAINT "recruitment_supplements_application_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_decided_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_screened_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_applicant_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_group_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_form_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_applications" DROP CONSTRAINT "recruitment_applications_call_id_fkey"`,
    );
    await q.query(`ALTER TABLE "recruitment_reviewers" DROP CONSTRAINT "recruitment_reviewers_user_id_fkey"`);
    await q.query(`ALTER TABLE "recruitment_reviewers" DROP CONSTRAINT "recruitment_reviewers_call_id_fkey"`);
    await q.query(`ALTER TABLE "recruitment_forms" DROP CONSTRAINT "recruitment_forms_call_id_fkey"`);
    await q.query(
      `ALTER TABLE "recruitment_phase_moves" DROP CONSTRAINT "recruitment_phase_moves_moved_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "recruitment_phase_moves" DROP CONSTRAINT "recruitment_phase_moves_call_id_fkey"`,
    );
    await q.query(`ALTER TABLE "recruitment_calls" DROP CONSTRAINT "recruitment_calls_created_by_fkey"`);
    await q.query(`ALTER TABLE "recruitment_calls" DROP CONSTRAINT "recruitment_calls_budget_line_id_fkey"`);
    await q.query(`DROP INDEX "public"."recruitment_assignments_pair_key"`);
    await q.query(`DROP INDEX "public"."recruitment_assignments_reviewer_idx"`);
    await q.query(`DROP INDEX "public"."recruitment_assignments_call_idx"`);
    await q.query(`DROP TABLE "recruitment_assignments"`);
    await q.query(`DROP INDEX "public"."group_privileges_group_idx"`);
    await q.query(`DROP INDEX "public"."group_privileges_source_idx"`);
    await q.query(`DROP TABLE "group_privileges"`);
    await q.query(`DROP INDEX "public"."recruitment_obligations_due_idx"`);
    await q.query(`DROP INDEX "public"."recruitment_obligations_agreement_idx"`);
    await q.query(`DROP TABLE "recruitment_obligations"`);
    await q.query(`DROP INDEX "public"."recruitment_agreements_application_key"`);
    await q.query(`DROP INDEX "public"."recruitment_agreements_group_idx"`);
    await q.query(`DROP TABLE "recruitment_agreements"`);
    await q.query(`DROP INDEX "public"."recruitment_objections_application_idx"`);
    await q.query(`DROP TABLE "recruitment_objections"`);
    await q.query(`DROP INDEX "public"."recruitment_supplements_application_idx"`);
    await q.query(`DROP TABLE "recruitment_supplements"`);
    await q.query(`DROP INDEX "public"."recruitment_applications_call_idx"`);
    await q.query(`DROP INDEX "public"."recruitment_applications_applicant_idx"`);
    await q.query(`DROP INDEX "public"."recruitment_applications_group_key"`);
    await q.query(`DROP TABLE "recruitment_applications"`);
    await q.query(`DROP TABLE "recruitment_reviewers"`);
    await q.query(`DROP INDEX "public"."recruitment_forms_call_version_key"`);
    await q.query(`DROP TABLE "recruitment_forms"`);
    await q.query(`DROP INDEX "public"."recruitment_phase_moves_call_idx"`);
    await q.query(`DROP TABLE "recruitment_phase_moves"`);
    await q.query(`DROP INDEX "public"."recruitment_calls_phase_idx"`);
    await q.query(`DROP TABLE "recruitment_calls"`);
  }
}
