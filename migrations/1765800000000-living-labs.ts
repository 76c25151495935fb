import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Living labs (issue 11): observations with supports (one per person: the primary key), comments
 * and staff replies with their response deadlines; projects with members, linked observations,
 * an append-only stage history, partners and commitments, milestones, outcomes; experiments with
 * their booked sites, participants' consent, metrics and readings. The rules that matter are the
 * database's own:
 * - stage gates (trigger `lab_projects_gates`): experiment and later need a problem statement and a
 *   linked observation, cooperation and sharing a concluded experiment, sharing a results note and
 *   publication;
 * - an outcome is verified by someone other than whoever recorded it (CHECK) and other than the
 *   project's lead user and creator, and a verification is never rewritten (trigger);
 * - a withdrawn consent keeps no name or contact (CHECK).
 * Errors carry SQLSTATE 23514 and the rule's name as the constraint, so the API can map them.
 */
export class LivingLabs1765800000000 implements MigrationInterface {
  name = 'LivingLabs1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "lab_observations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "category" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "place_name" text, "point_lat" double precision, "point_lng" double precision, "is_public" boolean NOT NULL DEFAULT true, "anonymous" boolean NOT NULL DEFAULT false, "posted_by" uuid NOT NULL, "state" text NOT NULL DEFAULT 'received', "response_kind" text NOT NULL DEFAULT 'review', "team" text NOT NULL DEFAULT 'research_pr', "ack_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answer_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "merged_into_id" uuid, "merge_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_observations_answered_check" CHECK (("answered_at" IS NULL OR "acknowledged_at" IS NOT NULL) AND "ack_due_at" >= "created_at" AND "answer_due_at" >= "created_at"), CONSTRAINT "lab_observations_merged_check" CHECK (("state" = 'merged') = ("merged_into_id" IS NOT NULL) AND "merged_into_id" IS DISTINCT FROM "id"), CONSTRAINT "lab_observations_point_check" CHECK (("point_lat" IS NULL) = ("point_lng" IS NULL) AND ("point_lat" IS NULL OR ("point_lat" BETWEEN -90 AND 90 AND "point_lng" BETWEEN -180 AND 180))), CONSTRAINT "lab_observations_team_check" CHECK ("team" IN ('research_pr', 'community_innovation', 'foundation_development', 'operations_management')), CONSTRAINT "lab_observations_response_kind_check" CHECK ("response_kind" IN ('simple', 'review', 'policy')), CONSTRAINT "lab_observations_state_check" CHECK ("state" IN ('received', 'acknowledged', 'answered', 'merged')), CONSTRAINT "lab_observations_category_check" CHECK ("category" IN ('transport', 'housing', 'environment', 'community', 'culture', 'safety', 'welfare', 'economy', 'other')), CONSTRAINT "lab_observations_kind_check" CHECK ("kind" IN ('problem', 'possibility')), CONSTRAINT "lab_observations_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_observations_merged_into_idx" ON "lab_observations" ("merged_into_id")`);
    await q.query(`CREATE INDEX "lab_observations_team_idx" ON "lab_observations" ("team", "created_at")`);
    await q.query(`CREATE INDEX "lab_observations_posted_by_idx" ON "lab_observations" ("posted_by")`);
    await q.query(`CREATE INDEX "lab_observations_created_idx" ON "lab_observations" ("created_at")`);
    await q.query(
      `CREATE TABLE "lab_observation_supports" ("observation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_observation_supports_pkey" PRIMARY KEY ("observation_id", "user_id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_observation_supports_user_idx" ON "lab_observation_supports" ("user_id")`,
    );
    await q.query(
      `CREATE TABLE "lab_observation_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "observation_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "by_staff" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_observation_comments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_observation_comments_author_idx" ON "lab_observation_comments" ("author_id")`,
    );
    await q.query(
      `CREATE INDEX "lab_observation_comments_observation_idx" ON "lab_observation_comments" ("observation_id", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "lab_observation_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "observation_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "team" text NOT NULL, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_observation_replies_team_check" CHECK ("team" IN ('research_pr', 'community_innovation', 'foundation_development', 'operations_management')), CONSTRAINT "lab_observation_replies_kind_check" CHECK ("kind" IN ('acknowledgement', 'answer')), CONSTRAINT "lab_observation_replies_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_observation_replies_author_idx" ON "lab_observation_replies" ("author_id")`,
    );
    await q.query(
      `CREATE INDEX "lab_observation_replies_observation_idx" ON "lab_observation_replies" ("observation_id", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "lab_projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "summary" text NOT NULL, "category" text NOT NULL, "stage" text NOT NULL DEFAULT 'observation', "held_from" text, "problem_statement" text, "results_note" text, "lead_group_id" uuid, "lead_user_id" uuid, "created_by" uuid NOT NULL, "programme_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_projects_lead_check" CHECK (num_nonnulls("lead_group_id", "lead_user_id") = 1), CONSTRAINT "lab_projects_category_check" CHECK ("category" IN ('transport', 'housing', 'environment', 'community', 'culture', 'safety', 'welfare', 'economy', 'other')), CONSTRAINT "lab_projects_held_from_check" CHECK (("stage" = 'on_hold') = ("held_from" IS NOT NULL) AND ("held_from" IS NULL OR "held_from" IN ('observation', 'experiment', 'cooperation', 'sharing'))), CONSTRAINT "lab_projects_stage_check" CHECK ("stage" IN ('observation', 'experiment', 'cooperation', 'sharing', 'on_hold', 'discontinued')), CONSTRAINT "lab_projects_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_projects_programme_idx" ON "lab_projects" ("programme_id")`);
    await q.query(`CREATE INDEX "lab_projects_lead_user_idx" ON "lab_projects" ("lead_user_id")`);
    await q.query(`CREATE INDEX "lab_projects_lead_group_idx" ON "lab_projects" ("lead_group_id")`);
    await q.query(`CREATE INDEX "lab_projects_stage_idx" ON "lab_projects" ("stage")`);
    await q.query(
      `CREATE TABLE "lab_project_members" ("project_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_project_members_pkey" PRIMARY KEY ("project_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "lab_project_members_user_idx" ON "lab_project_members" ("user_id")`);
    await q.query(
      `CREATE TABLE "lab_project_observations" ("project_id" uuid NOT NULL, "observation_id" uuid NOT NULL, "linked_by" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_project_observations_pkey" PRIMARY KEY ("project_id", "observation_id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_project_observations_observation_idx" ON "lab_project_observations" ("observation_id")`,
    );
    await q.query(
      `CREATE TABLE "lab_stage_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "from_stage" text, "to_stage" text NOT NULL, "reason" text NOT NULL, "changed_by" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_stage_changes_from_check" CHECK ("from_stage" IS NULL OR "from_stage" IN ('observation', 'experiment', 'cooperation', 'sharing', 'on_hold', 'discontinued')), CONSTRAINT "lab_stage_changes_to_check" CHECK ("to_stage" IN ('observation', 'experiment', 'cooperation', 'sharing', 'on_hold', 'discontinued')), CONSTRAINT "lab_stage_changes_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_stage_changes_changed_by_idx" ON "lab_stage_changes" ("changed_by")`);
    await q.query(
      `CREATE INDEX "lab_stage_changes_project_idx" ON "lab_stage_changes" ("project_id", "changed_at")`,
    );
    await q.query(
      `CREATE TABLE "lab_partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" text NOT NULL, "sector" text NOT NULL, "status" text NOT NULL DEFAULT 'invited', "group_id" uuid, "contact" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_partners_status_check" CHECK ("status" IN ('invited', 'active', 'ended')), CONSTRAINT "lab_partners_sector_check" CHECK ("sector" IN ('public', 'private', 'civic', 'academic')), CONSTRAINT "lab_partners_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_partners_group_idx" ON "lab_partners" ("group_id")`);
    await q.query(`CREATE INDEX "lab_partners_project_idx" ON "lab_partners" ("project_id")`);
    await q.query(
      `CREATE TABLE "lab_commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partner_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "amount" bigint, "status" text NOT NULL DEFAULT 'proposed', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_commitments_amount_check" CHECK ("amount" IS NULL OR "amount" >= 0), CONSTRAINT "lab_commitments_status_check" CHECK ("status" IN ('proposed', 'agreed', 'delivered', 'withdrawn')), CONSTRAINT "lab_commitments_kind_check" CHECK ("kind" IN ('money', 'space', 'people', 'data')), CONSTRAINT "lab_commitments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_commitments_partner_idx" ON "lab_commitments" ("partner_id")`);
    await q.query(
      `CREATE TABLE "lab_milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "title" text NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL DEFAULT 'planned', "done_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_milestones_done_check" CHECK (("status" = 'done') = ("done_on" IS NOT NULL)), CONSTRAINT "lab_milestones_status_check" CHECK ("status" IN ('planned', 'done', 'missed', 'cancelled')), CONSTRAINT "lab_milestones_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_milestones_project_idx" ON "lab_milestones" ("project_id", "due_on")`);
    await q.query(
      `CREATE TABLE "lab_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "occurred_on" date NOT NULL, "responsible_body" text NOT NULL, "recorded_by" uuid NOT NULL, "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_outcomes_verifier_check" CHECK (("verified_by" IS NULL) = ("verified_at" IS NULL) AND "verified_by" IS DISTINCT FROM "recorded_by"), CONSTRAINT "lab_outcomes_type_check" CHECK ("type" IN ('policy_adopted', 'service_continued', 'budget_line_created', 'organisation_founded', 'other')), CONSTRAINT "lab_outcomes_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_outcomes_verified_by_idx" ON "lab_outcomes" ("verified_by")`);
    await q.query(`CREATE INDEX "lab_outcomes_recorded_by_idx" ON "lab_outcomes" ("recorded_by")`);
    await q.query(`CREATE INDEX "lab_outcomes_project_idx" ON "lab_outcomes" ("project_id")`);
    await q.query(
      `CREATE TABLE "lab_experiments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "title" text NOT NULL, "hypothesis" text NOT NULL, "intervention" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "participant_count" integer, "verdict" text, "lesson" text, "concluded_at" TIMESTAMP WITH TIME ZONE, "concluded_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_experiments_participants_check" CHECK ("participant_count" IS NULL OR "participant_count" >= 0), CONSTRAINT "lab_experiments_concluded_check" CHECK (("verdict" IS NULL) = ("concluded_at" IS NULL) AND ("verdict" IS NULL) = ("lesson" IS NULL) AND ("verdict" IS NULL) = ("concluded_by" IS NULL)), CONSTRAINT "lab_experiments_verdict_check" CHECK ("verdict" IS NULL OR "verdict" IN ('confirmed', 'refuted', 'inconclusive')), CONSTRAINT "lab_experiments_period_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "lab_experiments_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_experiments_concluded_by_idx" ON "lab_experiments" ("concluded_by")`);
    await q.query(`CREATE INDEX "lab_experiments_created_by_idx" ON "lab_experiments" ("created_by")`);
    await q.query(`CREATE INDEX "lab_experiments_project_idx" ON "lab_experiments" ("project_id")`);
    await q.query(
      `CREATE TABLE "lab_experiment_bookings" ("experiment_id" uuid NOT NULL, "booking_id" uuid NOT NULL, "linked_by" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_experiment_bookings_pkey" PRIMARY KEY ("experiment_id", "booking_id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_experiment_bookings_booking_idx" ON "lab_experiment_bookings" ("booking_id")`,
    );
    await q.query(
      `CREATE TABLE "lab_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "experiment_id" uuid NOT NULL, "name" text, "contact" text, "consent_note" text NOT NULL, "consented_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "lab_participants_withdrawn_check" CHECK (("withdrawn_at" IS NULL AND "name" IS NOT NULL) OR ("withdrawn_at" IS NOT NULL AND "name" IS NULL AND "contact" IS NULL)), CONSTRAINT "lab_participants_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_participants_recorded_by_idx" ON "lab_participants" ("recorded_by")`);
    await q.query(`CREATE INDEX "lab_participants_experiment_idx" ON "lab_participants" ("experiment_id")`);
    await q.query(
      `CREATE TABLE "lab_metrics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "experiment_id" uuid NOT NULL, "name" text NOT NULL, "unit" text NOT NULL, "baseline" numeric NOT NULL, "target" numeric NOT NULL, "direction" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_metrics_direction_check" CHECK ("direction" IN ('increase', 'decrease')), CONSTRAINT "lab_metrics_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_metrics_experiment_idx" ON "lab_metrics" ("experiment_id")`);
    await q.query(
      `CREATE TABLE "lab_metric_readings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "metric_id" uuid NOT NULL, "measured_on" date NOT NULL, "value" numeric NOT NULL, "note" text, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "lab_metric_readings_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "lab_metric_readings_recorded_by_idx" ON "lab_metric_readings" ("recorded_by")`,
    );
    await q.query(
      `CREATE INDEX "lab_metric_readings_metric_idx" ON "lab_metric_readings" ("metric_id", "measured_on")`,
    );
    await q.query(
      `ALTER TABLE "lab_observations" ADD CONSTRAINT "lab_observations_posted_by_fkey" FOREIGN KEY ("posted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observations" ADD CONSTRAINT "lab_observations_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "lab_observations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_supports" ADD CONSTRAINT "lab_observation_supports_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "lab_observations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_supports" ADD CONSTRAINT "lab_observation_supports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_comments" ADD CONSTRAINT "lab_observation_comments_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "lab_observations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_comments" ADD CONSTRAINT "lab_observation_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_replies" ADD CONSTRAINT "lab_observation_replies_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "lab_observations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_replies" ADD CONSTRAINT "lab_observation_replies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_projects" ADD CONSTRAINT "lab_projects_lead_group_id_fkey" FOREIGN KEY ("lead_group_id") REFERENCES "groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_projects" ADD CONSTRAINT "lab_projects_lead_user_id_fkey" FOREIGN KEY ("lead_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_projects" ADD CONSTRAINT "lab_projects_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_projects" ADD CONSTRAINT "lab_projects_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_project_members" ADD CONSTRAINT "lab_project_members_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_project_members" ADD CONSTRAINT "lab_project_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_project_observations" ADD CONSTRAINT "lab_project_observations_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_project_observations" ADD CONSTRAINT "lab_project_observations_observation_id_fkey" FOREIGN KEY ("observation_id") REFERENCES "lab_observations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_project_observations" ADD CONSTRAINT "lab_project_observations_linked_by_fkey" FOREIGN KEY ("linked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_stage_changes" ADD CONSTRAINT "lab_stage_changes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_stage_changes" ADD CONSTRAINT "lab_stage_changes_changed_by_fkey" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_partners" ADD CONSTRAINT "lab_partners_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_partners" ADD CONSTRAINT "lab_partners_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_commitments" ADD CONSTRAINT "lab_commitments_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "lab_partners"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_milestones" ADD CONSTRAINT "lab_milestones_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_outcomes" ADD CONSTRAINT "lab_outcomes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_outcomes" ADD CONSTRAINT "lab_outcomes_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_outcomes" ADD CONSTRAINT "lab_outcomes_verified_by_fkey" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiments" ADD CONSTRAINT "lab_experiments_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "lab_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiments" ADD CONSTRAINT "lab_experiments_concluded_by_fkey" FOREIGN KEY ("concluded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiments" ADD CONSTRAINT "lab_experiments_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" ADD CONSTRAINT "lab_experiment_bookings_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "lab_experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" ADD CONSTRAINT "lab_experiment_bookings_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" ADD CONSTRAINT "lab_experiment_bookings_linked_by_fkey" FOREIGN KEY ("linked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_participants" ADD CONSTRAINT "lab_participants_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "lab_experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_participants" ADD CONSTRAINT "lab_participants_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_metrics" ADD CONSTRAINT "lab_metrics_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "lab_experiments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_metric_readings" ADD CONSTRAINT "lab_metric_readings_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "lab_metrics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "lab_metric_readings" ADD CONSTRAINT "lab_metric_readings_recorded_by_fkey" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Stage gates, the database's own: the same rules as the service, whoever writes the row.
    await q.query(`CREATE FUNCTION lab_projects_gates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage IN ('experiment', 'cooperation', 'sharing') THEN
    IF coalesce(btrim(NEW.problem_statement), '') = '' THEN
      RAISE EXCEPTION 'a problem statement is needed before the experiment stage'
        USING ERRCODE = '23514', CONSTRAINT = 'lab_gate_problem_statement', TABLE = 'lab_projects';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM lab_project_observations o WHERE o.project_id = NEW.id) THEN
      RAISE EXCEPTION 'a linked observation is needed before the experiment stage'
        USING ERRCODE = '23514', CONSTRAINT = 'lab_gate_observation', TABLE = 'lab_projects';
    END IF;
  END IF;
  IF NEW.stage IN ('cooperation', 'sharing') AND NOT EXISTS (
    SELECT 1 FROM lab_experiments e WHERE e.project_id = NEW.id AND e.verdict IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'a concluded experiment is needed before the cooperation stage'
      USING ERRCODE = '23514', CONSTRAINT = 'lab_gate_concluded_experiment', TABLE = 'lab_projects';
  END IF;
  IF NEW.stage = 'sharing' AND (coalesce(btrim(NEW.results_note), '') = '' OR NEW.published_at IS NULL) THEN
    RAISE EXCEPTION 'a results note is needed before the sharing stage, and a shared project is published'
      USING ERRCODE = '23514', CONSTRAINT = 'lab_gate_results_note', TABLE = 'lab_projects';
  END IF;
  RETURN NEW;
END $$`);
    await q.query(
      `CREATE TRIGGER lab_projects_gates BEFORE INSERT OR UPDATE OF stage, problem_statement, results_note, published_at ON lab_projects FOR EACH ROW EXECUTE FUNCTION lab_projects_gates()`,
    );
    // Stage history is append-only.
    await q.query(`CREATE FUNCTION lab_stage_changes_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stage history is append-only' USING ERRCODE = '23514', CONSTRAINT = 'lab_stage_changes_immutable';
END $$`);
    await q.query(
      `CREATE TRIGGER lab_stage_changes_immutable BEFORE UPDATE ON lab_stage_changes FOR EACH ROW EXECUTE FUNCTION lab_stage_changes_immutable()`,
    );
    // An outcome is verified by someone other than the project's lead user and creator; once given, never rewritten.
    await q.query(`CREATE FUNCTION lab_outcomes_verifier() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p lab_projects%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.verified_by IS NOT NULL AND (NEW.verified_by IS DISTINCT FROM OLD.verified_by OR NEW.verified_at IS DISTINCT FROM OLD.verified_at) THEN
    RAISE EXCEPTION 'an outcome verification is never rewritten'
      USING ERRCODE = '23514', CONSTRAINT = 'lab_outcomes_verified_once', TABLE = 'lab_outcomes';
  END IF;
  IF NEW.verified_by IS NOT NULL THEN
    SELECT * INTO p FROM lab_projects WHERE id = NEW.project_id;
    IF NEW.verified_by = p.lead_user_id OR NEW.verified_by = p.created_by THEN
      RAISE EXCEPTION 'the project lead cannot verify its outcomes'
        USING ERRCODE = '23514', CONSTRAINT = 'lab_outcomes_verifier_not_lead', TABLE = 'lab_outcomes';
    END IF;
  END IF;
  RETURN NEW;
END $$`);
    await q.query(
      `CREATE TRIGGER lab_outcomes_verifier BEFORE INSERT OR UPDATE ON lab_outcomes FOR EACH ROW EXECUTE FUNCTION lab_outcomes_verifier()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER lab_outcomes_verifier ON lab_outcomes`);
    await q.query(`DROP FUNCTION lab_outcomes_verifier()`);
    await q.query(`DROP TRIGGER lab_stage_changes_immutable ON lab_stage_changes`);
    await q.query(`DROP FUNCTION lab_stage_changes_immutable()`);
    await q.query(`DROP TRIGGER lab_projects_gates ON lab_projects`);
    await q.query(`DROP FUNCTION lab_projects_gates()`);
    await q.query(`ALTER TABLE "lab_metric_readings" DROP CONSTRAINT "lab_metric_readings_recorded_by_fkey"`);
    await q.query(`ALTER TABLE "lab_metric_readings" DROP CONSTRAINT "lab_metric_readings_metric_id_fkey"`);
    await q.query(`ALTER TABLE "lab_metrics" DROP CONSTRAINT "lab_metrics_experiment_id_fkey"`);
    await q.query(`ALTER TABLE "lab_participants" DROP CONSTRAINT "lab_participants_recorded_by_fkey"`);
    await q.query(`ALTER TABLE "lab_participants" DROP CONSTRAINT "lab_participants_experiment_id_fkey"`);
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" DROP CONSTRAINT "lab_experiment_bookings_linked_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" DROP CONSTRAINT "lab_experiment_bookings_booking_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_experiment_bookings" DROP CONSTRAINT "lab_experiment_bookings_experiment_id_fkey"`,
    );
    await q.query(`ALTER TABLE "lab_experiments" DROP CONSTRAINT "lab_experiments_created_by_fkey"`);
    await q.query(`ALTER TABLE "lab_experiments" DROP CONSTRAINT "lab_experiments_concluded_by_fkey"`);
    await q.query(`ALTER TABLE "lab_experiments" DROP CONSTRAINT "lab_experiments_project_id_fkey"`);
    await q.query(`ALTER TABLE "lab_outcomes" DROP CONSTRAINT "lab_outcomes_verified_by_fkey"`);
    await q.query(`ALTER TABLE "lab_outcomes" DROP CONSTRAINT "lab_outcomes_recorded_by_fkey"`);
    await q.query(`ALTER TABLE "lab_outcomes" DROP CONSTRAINT "lab_outcomes_project_id_fkey"`);
    await q.query(`ALTER TABLE "lab_milestones" DROP CONSTRAINT "lab_milestones_project_id_fkey"`);
    await q.query(`ALTER TABLE "lab_commitments" DROP CONSTRAINT "lab_commitments_partner_id_fkey"`);
    await q.query(`ALTER TABLE "lab_partners" DROP CONSTRAINT "lab_partners_group_id_fkey"`);
    await q.query(`ALTER TABLE "lab_partners" DROP CONSTRAINT "lab_partners_project_id_fkey"`);
    await q.query(`ALTER TABLE "lab_stage_changes" DROP CONSTRAINT "lab_stage_changes_changed_by_fkey"`);
    await q.query(`ALTER TABLE "lab_stage_changes" DROP CONSTRAINT "lab_stage_changes_project_id_fkey"`);
    await q.query(
      `ALTER TABLE "lab_project_observations" DROP CONSTRAINT "lab_project_observations_linked_by_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_project_observations" DROP CONSTRAINT "lab_project_observations_observation_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_project_observations" DROP CONSTRAINT "lab_project_observations_project_id_fkey"`,
    );
    await q.query(`ALTER TABLE "lab_project_members" DROP CONSTRAINT "lab_project_members_user_id_fkey"`);
    await q.query(`ALTER TABLE "lab_project_members" DROP CONSTRAINT "lab_project_members_project_id_fkey"`);
    await q.query(`ALTER TABLE "lab_projects" DROP CONSTRAINT "lab_projects_programme_id_fkey"`);
    await q.query(`ALTER TABLE "lab_projects" DROP CONSTRAINT "lab_projects_created_by_fkey"`);
    await q.query(`ALTER TABLE "lab_projects" DROP CONSTRAINT "lab_projects_lead_user_id_fkey"`);
    await q.query(`ALTER TABLE "lab_projects" DROP CONSTRAINT "lab_projects_lead_group_id_fkey"`);
    await q.query(
      `ALTER TABLE "lab_observation_replies" DROP CONSTRAINT "lab_observation_replies_author_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_replies" DROP CONSTRAINT "lab_observation_replies_observation_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_comments" DROP CONSTRAINT "lab_observation_comments_author_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_comments" DROP CONSTRAINT "lab_observation_comments_observation_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_supports" DROP CONSTRAINT "lab_observation_supports_user_id_fkey"`,
    );
    await q.query(
      `ALTER TABLE "lab_observation_supports" DROP CONSTRAINT "lab_observation_supports_observation_id_fkey"`,
    );
    await q.query(`ALTER TABLE "lab_observations" DROP CONSTRAINT "lab_observations_merged_into_id_fkey"`);
    await q.query(`ALTER TABLE "lab_observations" DROP CONSTRAINT "lab_observations_posted_by_fkey"`);
    await q.query(`DROP TABLE "lab_metric_readings"`);
    await q.query(`DROP TABLE "lab_metrics"`);
    await q.query(`DROP TABLE "lab_participants"`);
    await q.query(`DROP TABLE "lab_experiment_bookings"`);
    await q.query(`DROP TABLE "lab_experiments"`);
    await q.query(`DROP TABLE "lab_outcomes"`);
    await q.query(`DROP TABLE "lab_milestones"`);
    await q.query(`DROP TABLE "lab_commitments"`);
    await q.query(`DROP TABLE "lab_partners"`);
    await q.query(`DROP TABLE "lab_stage_changes"`);
    await q.query(`DROP TABLE "lab_project_observations"`);
    await q.query(`DROP TABLE "lab_project_members"`);
    await q.query(`DROP TABLE "lab_projects"`);
    await q.query(`DROP TABLE "lab_observation_replies"`);
    await q.query(`DROP TABLE "lab_observation_comments"`);
    await q.query(`DROP TABLE "lab_observation_supports"`);
    await q.query(`DROP TABLE "lab_observations"`);
  }
}
