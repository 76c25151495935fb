import type { AssetDetail, CategoryDto } from '@madang/contracts';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../test/test-app';

type Client = ReturnType<TestApp['client']>;

async function upload(t: TestApp, client: Client, assetId: string, bytes: Buffer, type: string) {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  if (!client.cookie('XSRF-TOKEN')) await client.get('/api/auth/csrf');
  const cookies = ['madang_session', 'XSRF-TOKEN'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
  const response = await fetch(`${t.baseUrl}/api/assets/${assetId}/photos`, {
    method: 'POST',
    body: form,
    headers: { cookie: cookies, 'X-XSRF-TOKEN': client.cookie('XSRF-TOKEN') ?? '', 'accept-language': 'en' },
  });
  return { status: response.status, body: (await response.json()) as AssetDetail };
}

/** A camera-like photo: 2400×1600 stored sideways with EXIF orientation 6 (upright it is 1600×2400). */
async function cameraJpeg(): Promise<Buffer> {
  const drawing = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600">
       <rect width="2400" height="1600" fill="#2a7"/><circle cx="1700" cy="700" r="420" fill="#c33"/>
       <rect x="200" y="900" width="900" height="500" fill="#fd4"/></svg>`,
  );
  return sharp(drawing)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Madang test camera' } } })
    .toBuffer();
}

async function fetchImage(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes };
}

describe('asset photos in modern formats (real PostgreSQL, real images)', () => {
  let t: TestApp;
  let approver: Client;
  let assetId: string;
  let cameraId: string;
  let smallId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    approver = await t.signIn('approver@madang.local');
    const [category] = (await t.client().get<CategoryDto[]>('/api/categories')).body;
    const created = await approver.post<AssetDetail>('/api/assets', {
      categoryId: category.id,
      kind: 'space',
      name: { ko: '사진 스튜디오', en: 'Photo studio' },
    });
    assetId = created.body.id;
    const camera = await upload(t, approver, assetId, await cameraJpeg(), 'image/jpeg');
    const smallPng = await sharp({
      create: { width: 500, height: 300, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const small = await upload(t, approver, assetId, smallPng, 'image/png');
    expect([camera.status, small.status]).toEqual([201, 201]);
    [cameraId, smallId] = small.body.photoIds;
  });
  afterAll(() => t.close());

  it('serves each photo as AVIF and WebP at 320, 640 and 1280 px, upright, without metadata, never enlarged', async () => {
    for (const width of [320, 640, 1280]) {
      for (const [format, mediaType, decoded] of [
        ['avif', 'image/avif', 'heif'],
        ['webp', 'image/webp', 'webp'],
      ] as const) {
        const { response, bytes } = await fetchImage(
          `${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}/${width}.${format}`,
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(mediaType);
        expect(response.headers.get('cache-control')).toBe('public, max-age=86400, immutable');
        const meta = await sharp(bytes).metadata();
        expect(meta.format).toBe(decoded);
        if (format === 'avif') expect(meta.compression).toBe('av1');
        // Turned upright (portrait 2:3) and scaled to the width asked.
        expect(meta.width).toBe(width);
        expect(meta.height).toBe(Math.round((width * 3) / 2));
        expect(meta.exif).toBeUndefined();
        expect(meta.orientation ?? 1).toBe(1);

        // A 500 px photo is not blown up: 640 and 1280 give its own 500 px.
        const small = await fetchImage(
          `${t.baseUrl}/api/assets/${assetId}/photos/${smallId}/${width}.${format}`,
        );
        const smallMeta = await sharp(small.bytes).metadata();
        expect(smallMeta.format).toBe(decoded);
        expect([smallMeta.width, smallMeta.height]).toEqual(
          width < 500 ? [width, (width * 3) / 5] : [500, 300],
        );
        expect(smallMeta.hasAlpha).toBe(true);
      }
    }
    // Made once, then kept: 2 photos × 3 widths × 2 formats, and the same bytes the second time.
    const kept = (await t.db.query(
      `SELECT "file_id", count(*)::int AS n FROM "asset_photo_variants" WHERE "file_id" = ANY($1) GROUP BY "file_id"`,
      [[cameraId, smallId]],
    )) as { n: number }[];
    expect(kept.map((k) => k.n)).toEqual([6, 6]);
    const first = await fetchImage(`${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}/640.webp`);
    const [row] = (await t.db.query(
      `SELECT "bytes", "width", "height" FROM "asset_photo_variants" WHERE "file_id" = $1 AND "kind" = 'webp' AND "target_width" = 640`,
      [cameraId],
    )) as { bytes: Buffer; width: number; height: number }[];
    expect(first.bytes.equals(row.bytes)).toBe(true);
    expect([row.width, row.height]).toEqual([640, 960]);
    // Smaller than the original JPEG by far.
    const original = await fetchImage(`${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}`);
    expect(first.bytes.length).toBeLessThan(original.bytes.length / 4);
  });

  it('crops the first photo to a 1200×630 JPEG for link previews at a stable URL', async () => {
    const { response, bytes } = await fetchImage(`${t.baseUrl}/api/assets/${assetId}/og.jpg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    expect(meta.exif).toBeUndefined();

    const [category] = (await t.client().get<CategoryDto[]>('/api/categories')).body;
    const bare = await approver.post<AssetDetail>('/api/assets', {
      categoryId: category.id,
      kind: 'space',
      name: { ko: '빈 방', en: 'Bare room' },
    });
    expect((await fetch(`${t.baseUrl}/api/assets/${bare.body.id}/og.jpg`)).status).toBe(404);
  });

  it('refuses a variant it does not make, naming the field, and hides what the photo hides', async () => {
    for (const variant of ['999.webp', '640.gif', '640', 'x.avif', '0640.webp']) {
      const response = await fetch(`${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}/${variant}`, {
        headers: { 'accept-language': 'en' },
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { errors: { field: string; code: string }[] };
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'variant', code: 'not_in' })]);
    }
    // A photo of another asset, an unknown photo: 404.
    const [otherAsset] = (await t.client().get<{ id: string }[]>('/api/assets')).body;
    expect((await fetch(`${t.baseUrl}/api/assets/${otherAsset.id}/photos/${cameraId}/640.webp`)).status).toBe(
      404,
    );
    expect(
      (await fetch(`${t.baseUrl}/api/assets/${assetId}/photos/${crypto.randomUUID()}/640.webp`)).status,
    ).toBe(404);

    // Retired: visitors get nothing, the catalogue manager gets it, cached privately only.
    expect((await approver.patch(`/api/assets/${assetId}`, { active: false })).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}/320.avif`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/assets/${assetId}/og.jpg`)).status).toBe(404);
    const cookie = `madang_session=${approver.cookie('madang_session')}`;
    const seen = await fetch(`${t.baseUrl}/api/assets/${assetId}/photos/${cameraId}/320.avif`, {
      headers: { cookie },
    });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toBe('private, no-cache');
    expect((await approver.patch(`/api/assets/${assetId}`, { active: true })).status).toBe(200);
  });

  it('lets the variants go with their photo', async () => {
    const removed = await approver.delete<AssetDetail>(`/api/assets/${assetId}/photos/${smallId}`);
    expect(removed.status).toBe(200);
    const left = (await t.db.query(
      `SELECT count(*)::int AS n FROM "asset_photo_variants" WHERE "file_id" = $1`,
      [smallId],
    )) as { n: number }[];
    expect(left[0].n).toBe(0);
    expect((await fetch(`${t.baseUrl}/api/assets/${assetId}/photos/${smallId}/640.webp`)).status).toBe(404);
  });
});
