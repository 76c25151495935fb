import type { AssetDetail, AssetSummary } from '@madang/contracts';
import { MIGRATIONS } from '@madang/migrations';
import { DateTime } from 'luxon';
import { startTestApp, TestApp } from '../test/test-app';

/**
 * Rules stored before the schema was enforced (the outside run stored `"roles": "admin"` with a 200,
 * and every later quote of the asset answered 500). The migration repairs them and says so in audit.
 */
describe('rules repair migration (real PostgreSQL)', () => {
  let t: TestApp;
  let room: AssetSummary;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const assets = (await t.client().get<AssetSummary[]>('/api/assets')).body;
    room = assets.find((a) => a.name.en === 'Meeting Room B') as AssetSummary;
  });
  afterAll(() => t.close());

  const quote = async () => {
    const start = DateTime.now().setZone('Asia/Seoul').startOf('week').plus({ weeks: 2, days: 1, hours: 10 });
    const resident = await t.signIn('resident@madang.local');
    return resident.post('/api/bookings/quote', {
      items: [{ assetId: room.id }],
      start: start.toISO(),
      end: start.plus({ hours: 1 }).toISO(),
      purpose: 'x',
      attendees: 1,
    });
  };

  it('removes bad override keys, replaces bad effective keys by defaults, audits each repair', async () => {
    const Migration = MIGRATIONS.find((m) => m.name === 'RulesSchema1765310000000');
    if (!Migration) throw new Error('RulesSchema1765310000000 is not registered');
    const migration = new Migration();
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await migration.down(runner);
      // What an unchecked PUT stored: bad overrides on the category and the asset, and the effective
      // rules version every quote reads.
      await runner.query(
        `UPDATE asset_categories SET rules = rules || '{"eligibility": {"roles": "admin"}}' WHERE id = $1`,
        [room.categoryId],
      );
      await runner.query(
        `UPDATE assets SET rules = '{"windowOverrides": [{"roles": "resident"}], "slotStepMinutes": 60}' WHERE id = $1`,
        [room.id],
      );
      await runner.query(
        `UPDATE asset_rule_versions v SET rules = v.rules || '{"eligibility": {"roles": "admin"}, "windowOverrides": [{"roles": "resident"}]}'
          FROM assets a WHERE a.id = v.asset_id AND v.version = a.rules_version AND a.id = $1`,
        [room.id],
      );
      expect((await quote()).status).toBe(500);

      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect((await quote()).status).toBe(200);
    const [category] = (await t.db.query(`SELECT rules FROM asset_categories WHERE id = $1`, [
      room.categoryId,
    ])) as {
      rules: Record<string, unknown>;
    }[];
    expect(category.rules['eligibility']).toBeUndefined();
    const [asset] = (await t.db.query(`SELECT rules FROM assets WHERE id = $1`, [room.id])) as {
      rules: Record<string, unknown>;
    }[];
    expect(asset.rules).toEqual({ slotStepMinutes: 60 });
    const detail = (await t.client().get<AssetDetail>(`/api/assets/${room.id}`)).body;
    expect(detail.rules.eligibility).toEqual({});
    expect(detail.rules.windowOverrides).toEqual([]);
    const audit = (await t.db.query(
      `SELECT entity_type, after->'problems' AS problems FROM audit_log WHERE action = 'rules.repaired_by_migration' ORDER BY id`,
    )) as { entity_type: string; problems: unknown }[];
    expect(audit.map((a) => a.entity_type)).toEqual(['category', 'asset', 'asset']);
    expect(JSON.stringify(audit[0].problems)).toContain('eligibility.roles');
    // From now on the database refuses rules that are not an object.
    await expect(t.db.query(`UPDATE assets SET rules = '[]' WHERE id = $1`, [room.id])).rejects.toThrow(
      /assets_rules_object_check/,
    );
  });
});
