import type { FileInfo, FileUploadResult, ProblemDetails } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { createHash, randomUUID } from 'node:crypto';
import { AuditLogEntity } from '../audit/audit-log.entity';
import type { Actor } from '../../core/actor';
import { startTestApp, TestApp } from '../../test/test-app';
import { FileEntity } from './file.entity';
import { FilesService } from './files.service';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  ownerType?: string;
  ownerId: string;
  purpose?: string;
  bytes: Buffer;
  name: string;
  type?: string;
}

/** multipart/form-data as a browser sends it (fetch's FormData writes the UTF-8 file name). */
async function upload(t: TestApp, client: MadangClient, u: Upload) {
  const form = new FormData();
  form.append('ownerType', u.ownerType ?? 'test_note');
  form.append('ownerId', u.ownerId);
  form.append('purpose', u.purpose ?? 'project_evidence');
  form.append('file', new Blob([new Uint8Array(u.bytes)], { type: u.type ?? '' }), u.name);
  if (!client.cookie('XSRF-TOKEN')) await client.get('/api/auth/csrf');
  const cookie = ['madang_session', 'XSRF-TOKEN'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
  const response = await fetch(`${t.baseUrl}/api/files`, {
    method: 'POST',
    body: form,
    headers: { cookie, 'X-XSRF-TOKEN': client.cookie('XSRF-TOKEN') ?? '', 'accept-language': 'ko' },
  });
  return { status: response.status, body: (await response.json()) as FileUploadResult & ProblemDetails };
}

async function download(t: TestApp, client: MadangClient | undefined, fileId: string) {
  const cookie = client ? `madang_session=${client.cookie('madang_session')}` : '';
  const response = await fetch(`${t.baseUrl}/api/files/${fileId}/content`, { headers: { cookie } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/**
 * A test-only owner type: a "note" whose id is its author's user id. Only the author may read,
 * attach and delete; ids in `publicNotes` may be read by anyone, signed in or not.
 */
const publicNotes = new Set<string>();

describe('files (real PostgreSQL, over HTTP)', () => {
  let t: TestApp;
  let kim: MadangClient;
  let park: MadangClient;
  let kimId: string;
  let parkId: string;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        FILE_MAX_BYTES_PHOTO: '2048',
        FILE_MAX_BYTES_APPLICATION_DOCUMENT: '4096',
        FILE_MAX_BYTES_EXPENSE_EVIDENCE: '4096',
        FILE_MAX_BYTES_PROJECT_EVIDENCE: String(2 * 1024 * 1024),
      },
    });
    t.app.get(FilesService).registerOwner('test_note', {
      purposes: ['project_evidence', 'photo'],
      canRead: async (actor, ownerId) => publicNotes.has(ownerId) || actor?.userId === ownerId,
      canAttach: async (actor, ownerId) => actor.userId === ownerId,
      canDelete: async (actor, ownerId) => actor.userId === ownerId,
    });
    kim = t.client();
    kimId = (await kim.register('kim@files.test', '김주민')).id;
    park = t.client();
    parkId = (await park.register('park@files.test', '박이웃')).id;
  });
  afterAll(() => t.close());

  it('stores a file and gives back the same bytes with safe download headers and a Korean name', async () => {
    const name = '2026 사업계획서 (최종).pdf'.normalize('NFD');
    const created = await upload(t, kim, { ownerId: kimId, bytes: PDF, name, type: 'application/pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerType: 'test_note',
      ownerId: kimId,
      purpose: 'project_evidence',
      name: '2026 사업계획서 (최종).pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      uploadedBy: kimId,
      deduplicated: false,
    });

    const { response, bytes } = await download(t, kim, created.body.id);
    expect(response.status).toBe(200);
    expect(sha256(bytes)).toBe(sha256(PDF));
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toMatch(/^private/);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('2026 사업계획서 (최종).pdf');

    const listed = await kim.get<FileInfo[]>(`/api/files?ownerType=test_note&ownerId=${kimId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((f) => f.id)).toEqual([created.body.id]);
  });

  it('streams a file larger than one read slice intact', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(1_300_000, 0x41)]);
    const created = await upload(t, kim, { ownerId: kimId, bytes: big, name: '큰파일.pdf' });
    expect(created.status).toBe(201);
    const { response, bytes } = await download(t, kim, created.body.id);
    expect(response.headers.get('content-length')).toBe(String(big.length));
    expect(bytes.length).toBe(big.length);
    expect(sha256(bytes)).toBe(sha256(big));
  });

  it('stores the same bytes for the same owner and purpose once, and audits only the first attach', async () => {
    const bytes = Buffer.concat([PDF, Buffer.from('dedup')]);
    const first = await upload(t, kim, { ownerId: kimId, bytes, name: 'a.pdf' });
    const again = await upload(t, kim, { ownerId: kimId, bytes, name: 'b.pdf' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, name: 'a.pdf', deduplicated: true });
    expect(await t.db.getRepository(FileEntity).countBy({ sha256: sha256(bytes) })).toBe(1);
    const audits = await t.db
      .getRepository(AuditLogEntity)
      .findBy({ action: 'file.attached', entityId: kimId });
    expect(audits.filter((a) => (a.after as { fileId: string }).fileId === first.body.id)).toHaveLength(1);
    expect(audits.find((a) => (a.after as { fileId: string }).fileId === first.body.id)).toMatchObject({
      actorId: kimId,
      entityType: 'test_note',
      after: { purpose: 'project_evidence', name: 'a.pdf', sha256: sha256(bytes) },
    });
  });

  it('refuses a file over its purpose cap with 413 naming the field', async () => {
    const tooBig = Buffer.concat([PNG, Buffer.alloc(3000)]);
    const result = await upload(t, kim, {
      ownerId: kimId,
      purpose: 'photo',
      bytes: tooBig,
      name: '사진.png',
    });
    expect(result.status).toBe(413);
    expect(result.body.code).toBe('payload_too_large');
    expect(result.body.errors).toEqual([
      { field: 'file', code: 'too_large', message: '2 KB 이하여야 합니다.' },
    ]);
    const fits = await upload(t, kim, { ownerId: kimId, purpose: 'photo', bytes: PNG, name: '사진.png' });
    expect(fits.status).toBe(201);
    // Beyond the largest cap of any purpose, the upload is cut off while it is still arriving.
    const huge = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024 + 10)]);
    const cut = await upload(t, kim, { ownerId: kimId, bytes: huge, name: '대용량.pdf' });
    expect(cut.status).toBe(413);
    expect(cut.body.errors).toEqual([{ field: 'file', code: 'too_large', message: '2 MB 이하여야 합니다.' }]);
  });

  it('documents its operations in OpenAPI', async () => {
    const spec = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, object>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/files',
        'GET /api/files',
        'GET /api/files/{id}',
        'GET /api/files/{id}/content',
        'DELETE /api/files/{id}',
        'GET /api/exports/{id}',
        'GET /api/exports/{id}/file',
      ]),
    );
  });

  it('refuses bytes whose type, extension or declared type disagree, with 415 naming the field', async () => {
    const pngAsPdf = await upload(t, kim, { ownerId: kimId, bytes: PNG, name: 'scan.pdf' });
    expect(pngAsPdf.status).toBe(415);
    expect(pngAsPdf.body.errors?.[0]).toMatchObject({ field: 'file.name', code: 'not_in' });

    const declaredPng = await upload(t, kim, {
      ownerId: kimId,
      bytes: PDF,
      name: 'x.pdf',
      type: 'image/png',
    });
    expect(declaredPng.status).toBe(415);
    expect(declaredPng.body.errors?.[0]).toMatchObject({ field: 'file.type', code: 'not_in' });

    const executable = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    const exe = await upload(t, kim, { ownerId: kimId, bytes: executable, name: 'invoice.pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body.errors?.[0]).toMatchObject({ field: 'file', code: 'not_in' });

    const pdfAsPhoto = await upload(t, kim, { ownerId: kimId, purpose: 'photo', bytes: PDF, name: 'a.pdf' });
    expect(pdfAsPhoto.status).toBe(415);

    const wrongPurpose = await upload(t, kim, {
      ownerId: kimId,
      purpose: 'expense_evidence',
      bytes: PDF,
      name: 'a.pdf',
    });
    expect(wrongPurpose.status).toBe(400);
    expect(wrongPurpose.body.errors?.[0]).toMatchObject({ field: 'purpose', code: 'not_in' });

    const badFields = await upload(t, kim, { ownerId: 'nope', purpose: 'selfie', bytes: PDF, name: 'a.pdf' });
    expect(badFields.status).toBe(400);
    expect(badFields.body.errors?.map((e) => e.field).sort()).toEqual(['ownerId', 'purpose']);
  });

  it('answers 404 to everyone the owner policy does not let in, whatever ids they know', async () => {
    const created = await upload(t, kim, {
      ownerId: kimId,
      bytes: Buffer.concat([PDF, Buffer.from('private')]),
      name: '비공개.pdf',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    expect((await download(t, park, id)).response.status).toBe(404);
    expect((await download(t, undefined, id)).response.status).toBe(404);
    expect((await park.get(`/api/files/${id}`)).status).toBe(404);
    expect((await park.get(`/api/files?ownerType=test_note&ownerId=${kimId}`)).status).toBe(404);
    expect((await park.delete(`/api/files/${id}`)).status).toBe(404);
    expect((await upload(t, park, { ownerId: kimId, bytes: PDF, name: 'x.pdf' })).status).toBe(404);
    expect(
      (await upload(t, kim, { ownerType: 'unknown_owner', ownerId: kimId, bytes: PDF, name: 'x.pdf' }))
        .status,
    ).toBe(404);
    expect((await kim.get(`/api/files/${randomUUID()}`)).status).toBe(404);

    // A public note: anyone may read, only its author may delete (403 for a reader who is not).
    publicNotes.add(kimId);
    try {
      expect((await download(t, undefined, id)).response.status).toBe(200);
      expect((await park.delete(`/api/files/${id}`)).status).toBe(403);
    } finally {
      publicNotes.delete(kimId);
    }
    expect(parkId).not.toBe(kimId);
  });

  it('deletes for the owner, audits it, and the bytes are gone', async () => {
    const created = await upload(t, kim, {
      ownerId: kimId,
      bytes: Buffer.concat([PDF, Buffer.from('bye')]),
      name: '삭제.pdf',
    });
    const deleted = await kim.delete(`/api/files/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await download(t, kim, created.body.id)).response.status).toBe(404);
    const contents = (await t.db.query(`SELECT count(*)::int AS n FROM file_contents WHERE file_id = $1`, [
      created.body.id,
    ])) as { n: number }[];
    expect(contents[0].n).toBe(0);
    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneBy({ action: 'file.deleted', entityId: kimId });
    expect(audit).toMatchObject({ actorId: kimId, before: { fileId: created.body.id, name: '삭제.pdf' } });
  });

  it("attaches inside the domain's own transaction: a rollback leaves neither file nor audit row", async () => {
    const files = t.app.get(FilesService);
    const actor: Actor = {
      userId: kimId,
      sessionId: 'test',
      email: 'kim@files.test',
      displayName: '김주민',
      locale: 'ko',
      roles: ['resident'],
      permissions: ['self'],
      groups: [],
      requestId: 'tx-test',
      ip: '127.0.0.1',
    };
    const bytes = Buffer.concat([PDF, Buffer.from('rolled back')]);
    await expect(
      t.db.transaction(async (manager) => {
        const file = await files.attach(
          actor,
          { ownerType: 'test_note', ownerId: kimId, purpose: 'project_evidence', name: 'tx.pdf', bytes },
          manager,
        );
        expect(file.deduplicated).toBe(false);
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await t.db.getRepository(FileEntity).countBy({ sha256: sha256(bytes) })).toBe(0);
    expect(await t.db.getRepository(AuditLogEntity).countBy({ requestId: 'tx-test' })).toBe(0);

    const kept = await t.db.transaction((manager) =>
      files.attach(
        actor,
        { ownerType: 'test_note', ownerId: kimId, purpose: 'project_evidence', name: 'tx.pdf', bytes },
        manager,
      ),
    );
    expect((await files.list(actor, 'test_note', kimId)).map((f) => f.id)).toContain(kept.id);
    const count = await files.count(t.db.manager, 'test_note', kimId);
    expect(count).toBeGreaterThan(1);
    const ids = await files.idsOf('test_note', [kimId, parkId], 'project_evidence');
    expect(ids.get(kimId)).toHaveLength(count - 1); // one of kim's files is a photo
    expect(ids.get(kimId)).toContain(kept.id);
    expect(ids.get(parkId)).toEqual([]);
    await t.db.transaction((manager) => files.removeAllOf(actor, manager, 'test_note', kimId));
    expect(await files.list(actor, 'test_note', kimId)).toEqual([]);
    expect(await files.count(t.db.manager, 'test_note', kimId)).toBe(0);
  });

  it('refuses a content row for a file that does not exist (foreign key) and a malformed checksum (check)', async () => {
    await expect(
      t.db.query(`INSERT INTO file_contents (file_id, bytes) VALUES ($1, '\\x00')`, [randomUUID()]),
    ).rejects.toThrow(/file_contents_file_id_fkey/);
    await expect(
      t.db.query(
        `INSERT INTO files (owner_type, owner_id, purpose, original_name, media_type, size, sha256, uploaded_by)
         VALUES ('test_note', $1, 'photo', 'a.png', 'image/png', 1, 'xyz', $1)`,
        [kimId],
      ),
    ).rejects.toThrow(/files_sha256_check/);
  });
});
