import { checkRulesDocument, checkRulesOverride, DEFAULT_RULES, mergeRules } from '@madang/booking-rules';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rental rules are data with a schema (libs/shared/booking-rules schema.ts). Rules stored before the
 * schema was enforced are checked here and REPAIRED, never silently kept:
 *
 * - a category's or an asset's override: every top-level key with a problem is removed, so that key
 *   falls back to what the category or the centre says;
 * - an effective rules version (asset_rule_versions, which bookings point at): every top-level key
 *   with a problem is replaced by the centre default for it.
 *
 * Each repair writes an audit row (`rules.repaired_by_migration`, no actor) with the rules before and
 * after and the problems found, so an administrator can see what changed and set it again properly.
 * The database also refuses any rules value that is not a JSON object from now on.
 */
export class RulesSchema1765310000000 implements MigrationInterface {
  name = 'RulesSchema1765310000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ tz }] = (await q.query(
      `SELECT coalesce((SELECT rules->>'timeZone' FROM asset_rule_versions WHERE jsonb_typeof(rules) = 'object' AND rules ? 'timeZone' LIMIT 1), 'Asia/Seoul') AS tz`,
    )) as { tz: string }[];
    const defaults = mergeRules(DEFAULT_RULES, { timeZone: tz }) as unknown as Record<string, unknown>;
    const audit = async (
      entityType: string,
      entityId: string,
      before: unknown,
      after: unknown,
      problems: unknown,
    ) =>
      q.query(
        `INSERT INTO audit_log (actor_id, request_id, action, entity_type, entity_id, before, after)
         VALUES (NULL, 'migration:RulesSchema1765310000000', 'rules.repaired_by_migration', $1, $2, $3, $4)`,
        [entityType, entityId, JSON.stringify({ rules: before }), JSON.stringify({ rules: after, problems })],
      );

    for (const table of ['asset_categories', 'assets'] as const) {
      const rows = (await q.query(`SELECT id, rules FROM ${table}`)) as { id: string; rules: unknown }[];
      for (const row of rows) {
        const problems = checkRulesOverride(row.rules);
        if (problems.length === 0) continue;
        const bad = new Set(problems.map((p) => p.path.split(/[.[]/)[0]));
        const repaired =
          typeof row.rules === 'object' && row.rules !== null && !Array.isArray(row.rules) && !bad.has('')
            ? Object.fromEntries(Object.entries(row.rules).filter(([key]) => !bad.has(key)))
            : {};
        await q.query(`UPDATE ${table} SET rules = $2 WHERE id = $1`, [row.id, JSON.stringify(repaired)]);
        await audit(table === 'assets' ? 'asset' : 'category', row.id, row.rules, repaired, problems);
      }
    }

    const versions = (await q.query(`SELECT asset_id, version, rules FROM asset_rule_versions`)) as {
      asset_id: string;
      version: number;
      rules: unknown;
    }[];
    for (const row of versions) {
      const problems = checkRulesDocument(row.rules);
      if (problems.length === 0) continue;
      const bad = new Set(problems.map((p) => p.path.split(/[.[]/)[0]));
      const source =
        typeof row.rules === 'object' && row.rules !== null && !Array.isArray(row.rules) && !bad.has('')
          ? (row.rules as Record<string, unknown>)
          : {};
      const repaired: Record<string, unknown> = { ...defaults };
      for (const [key, value] of Object.entries(source))
        if (!bad.has(key) && key in defaults) repaired[key] = value;
      if (source['maxPendingPerPerson'] !== undefined && !bad.has('maxPendingPerPerson'))
        repaired['maxPendingPerPerson'] = source['maxPendingPerPerson'];
      await q.query(`UPDATE asset_rule_versions SET rules = $3 WHERE asset_id = $1 AND version = $2`, [
        row.asset_id,
        row.version,
        JSON.stringify(repaired),
      ]);
      await audit('asset', row.asset_id, row.rules, repaired, { version: row.version, problems });
    }

    await q.query(
      `ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_rules_object_check" CHECK (jsonb_typeof("rules") = 'object')`,
    );
    await q.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "assets_rules_object_check" CHECK (jsonb_typeof("rules") = 'object')`,
    );
    await q.query(
      `ALTER TABLE "asset_rule_versions" ADD CONSTRAINT "asset_rule_versions_rules_object_check" CHECK (jsonb_typeof("rules") = 'object')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The repairs are kept (the audit rows hold what was there before); only the checks go.
    await q.query(
      `ALTER TABLE "asset_rule_versions" DROP CONSTRAINT "asset_rule_versions_rules_object_check"`,
    );
    await q.query(`ALTER TABLE "assets" DROP CONSTRAINT "assets_rules_object_check"`);
    await q.query(`ALTER TABLE "asset_categories" DROP CONSTRAINT "asset_categories_rules_object_check"`);
  }
}
