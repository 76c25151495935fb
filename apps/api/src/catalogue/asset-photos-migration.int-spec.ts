import type { AssetDetail } from '@madang/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { startTestApp, TestApp } from '../test/test-app';

// The smallest valid PNG (1×1 transparent pixel) and a JPEG header with some bytes after it.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('사진 bytes', 'utf8')]);

const LAST = 'AssetPhotosToFiles1765500000000';

/**
 * Issue 8: photos stored in `asset_photos` before the files service are moved onto it by the
 * migration, keep their ids (so their URLs), and are served byte for byte; `down()` moves them back.
 */
describe('asset photos migration onto the files service (real PostgreSQL)', () => {
  let t: TestApp;
  let migrator: DataSource;
  let hall: string;
  let approverId: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    migrator = await new DataSource(dataSourceOptions(t.config.DATABASE_URL, 2)).initialize();
    const assets = (await t.client().get<{ id: string; name: { en: string } }[]>('/api/assets')).body;
    hall = (assets.find((a) => a.name.en === 'Hall') as { id: string }).id;
    const ids = (await migrator.query(
      `SELECT id, email FROM users WHERE email IN ('approver@madang.local', 'admin@madang.local')`,
    )) as { id: string; email: string }[];
    approverId = (ids.find((u) => u.email === 'approver@madang.local') as { id: string }).id;
    adminId = (ids.find((u) => u.email === 'admin@madang.local') as { id: string }).id;
  });
  afterAll(async () => {
    await migrator?.destroy();
    await t?.close();
  });

  /** Undoes every migration after `name` (later issues add their own), then `name` itself. */
  async function undoThrough(name: string): Promise<void> {
    for (;;) {
      const last = await lastMigration();
      await migrator.undoLastMigration({ transaction: 'each' });
      if (last === name) return;
    }
  }

  async function applied(name: string): Promise<boolean> {
    return (
      ((await migrator.query(`SELECT 1 FROM migrations WHERE name = $1`, [name])) as unknown[]).length === 1
    );
  }

  async function lastMigration(): Promise<string> {
    const [row] = (await migrator.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`)) as {
      name: string;
    }[];
    return row.name;
  }

  it('moves asset_photos rows into files with their ids, uploader and bytes, and serves them unchanged', async () => {
    await undoThrough(LAST);
    expect(await lastMigration()).not.toBe(LAST);
    const [{ id: audited }] = (await migrator.query(
      `INSERT INTO asset_photos (asset_id, content_type, bytes, size, created_at)
       VALUES ($1, 'image/png', $2, $3, now() - interval '2 days') RETURNING id`,
      [hall, PNG, PNG.length],
    )) as { id: string }[];
    await migrator.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, after)
       VALUES ($1, 'asset.photo_added', 'asset', $2, $3)`,
      [approverId, hall, JSON.stringify({ photoId: audited, type: 'image/png', size: PNG.length })],
    );
    const [{ id: unaudited }] = (await migrator.query(
      `INSERT INTO asset_photos (asset_id, content_type, bytes, size, created_at)
       VALUES ($1, 'image/jpeg', $2, $3, now() - interval '1 day') RETURNING id`,
      [hall, JPEG, JPEG.length],
    )) as { id: string }[];
    // The same bytes again for the same asset: files keeps one copy per content.
    const [{ id: duplicate }] = (await migrator.query(
      `INSERT INTO asset_photos (asset_id, content_type, bytes, size) VALUES ($1, 'image/png', $2, $3) RETURNING id`,
      [hall, PNG, PNG.length],
    )) as { id: string }[];

    await migrator.runMigrations({ transaction: 'each' });
    expect(await applied(LAST)).toBe(true);
    expect(
      await migrator.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'asset_photos'`),
    ).toEqual([]);

    const files = (await migrator.query(
      `SELECT id, owner_type, purpose, original_name, media_type, size, sha256, uploaded_by
         FROM files WHERE owner_id = $1 ORDER BY created_at`,
      [hall],
    )) as Record<string, unknown>[];
    expect(files).toEqual([
      {
        id: audited,
        owner_type: 'asset',
        purpose: 'photo',
        original_name: 'photo.png',
        media_type: 'image/png',
        size: PNG.length,
        sha256: createHash('sha256').update(PNG).digest('hex'),
        uploaded_by: approverId,
      },
      {
        id: unaudited,
        owner_type: 'asset',
        purpose: 'photo',
        original_name: 'photo.jpg',
        media_type: 'image/jpeg',
        size: JPEG.length,
        sha256: createHash('sha256').update(JPEG).digest('hex'),
        uploaded_by: adminId,
      },
    ]);

    const detail = await t.client().get<AssetDetail>(`/api/assets/${hall}`);
    expect(detail.body.photoIds).toEqual([audited, unaudited]);
    for (const [id, bytes, type] of [
      [audited, PNG, 'image/png'],
      [unaudited, JPEG, 'image/jpeg'],
    ] as const) {
      const served = await fetch(`${t.baseUrl}/api/assets/${hall}/photos/${id}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(served.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect((await fetch(`${t.baseUrl}/api/assets/${hall}/photos/${duplicate}`)).status).toBe(404);
  });

  it('down() moves the photos back into asset_photos unchanged, and up() again restores them', async () => {
    await undoThrough(LAST);
    const rows = (await migrator.query(
      `SELECT content_type, bytes, size FROM asset_photos WHERE asset_id = $1 ORDER BY created_at`,
      [hall],
    )) as { content_type: string; bytes: Buffer; size: number }[];
    expect(rows.map((r) => [r.content_type, r.size])).toEqual([
      ['image/png', PNG.length],
      ['image/jpeg', JPEG.length],
    ]);
    expect(rows[0].bytes.equals(PNG) && rows[1].bytes.equals(JPEG)).toBe(true);
    expect(
      await migrator.query(`SELECT id FROM files WHERE owner_type = 'asset' AND purpose = 'photo'`),
    ).toEqual([]);
    await migrator.runMigrations({ transaction: 'each' });
    expect((await t.client().get<AssetDetail>(`/api/assets/${hall}`)).body.photoIds).toHaveLength(2);
  });

  it('stops with a clear message when a photo has neither an audited uploader nor an admin to fall back to', async () => {
    await undoThrough(LAST);
    await migrator.query(
      `INSERT INTO asset_photos (asset_id, content_type, bytes, size) VALUES ($1, 'image/png', $2, $3)`,
      [hall, Buffer.concat([PNG, Buffer.from([0])]), PNG.length + 1],
    );
    const admins = (await migrator.query(`SELECT user_id FROM user_roles WHERE role = 'admin'`)) as {
      user_id: string;
    }[];
    expect(admins.length).toBeGreaterThan(0);
    await migrator.query(`DELETE FROM user_roles WHERE role = 'admin'`);
    await expect(migrator.runMigrations({ transaction: 'each' })).rejects.toThrow(
      /no 'asset.photo_added' audit row .* no admin/,
    );
    expect(await lastMigration()).not.toBe(LAST);
    for (const { user_id } of admins)
      await migrator.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, 'admin')`, [user_id]);
    await migrator.runMigrations({ transaction: 'each' });
    expect(await applied(LAST)).toBe(true);
    expect((await t.client().get<AssetDetail>(`/api/assets/${hall}`)).body.photoIds).toHaveLength(3);
  });
});
