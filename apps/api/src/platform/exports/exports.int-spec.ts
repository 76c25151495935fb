import type { ExportRunStatus } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { AuditLogEntity } from '../audit/audit-log.entity';
import type { Actor } from '../../core/actor';
import { startTestApp, TestApp } from '../../test/test-app';
import { FileEntity } from '../files/file.entity';
import { ExportDocument, section } from './export-spec';
import { ExportsService } from './exports.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function actorFor(userId: string): Actor {
  return {
    userId,
    sessionId: 'test',
    email: `${userId}@exports.test`,
    displayName: '테스트',
    locale: 'ko',
    roles: ['operations'],
    permissions: ['self'],
    groups: [],
    requestId: `req-${userId}`,
    ip: '127.0.0.1',
  };
}

interface Line {
  no: number;
  memo: string;
  amount: number;
}

function ledger(rows: AsyncIterable<Line> | Iterable<Line>, total?: number): ExportDocument {
  return {
    title: '2026년 12월 집행 내역',
    filename: '집행 내역 2026-12',
    sections: [
      section<Line>({
        title: '집행 내역',
        rows,
        total,
        columns: [
          { header: '번호', kind: 'integer', value: (r) => r.no },
          { header: '적요', kind: 'text', value: (r) => r.memo },
          { header: '금액', kind: 'won', value: (r) => r.amount },
        ],
      }),
    ],
  };
}

async function poll(client: MadangClient, id: string, until: (s: ExportRunStatus) => boolean) {
  for (let i = 0; i < 100; i++) {
    const result = await client.get<ExportRunStatus>(`/api/exports/${id}`);
    if (result.status !== 200) throw new Error(`status ${result.status}`);
    if (until(result.body)) return result.body;
    await sleep(100);
  }
  throw new Error('export did not reach the expected state');
}

async function fetchBytes(t: TestApp, client: MadangClient, path: string) {
  const response = await fetch(`${t.baseUrl}${path}`, {
    headers: { cookie: `madang_session=${client.cookie('madang_session')}` },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('exports (real PostgreSQL, over HTTP)', () => {
  let t: TestApp;
  let exportsService: ExportsService;
  let lee: MadangClient;
  let leeId: string;
  let park: MadangClient;

  beforeAll(async () => {
    t = await startTestApp();
    exportsService = t.app.get(ExportsService);
    lee = t.client();
    leeId = (await lee.register('lee@exports.test', '이운영')).id;
    park = t.client();
    await park.register('park@exports.test', '박이웃');
  });
  afterAll(() => t.close());

  it('runs in the background with polled progress, then serves the file to its requester only', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* rows(): AsyncGenerator<Line> {
      for (let no = 1; no <= 300; no++) {
        if (no === 101) await sleep(1100); // progress is written at most once a second
        if (no === 102) await gate;
        yield { no, memo: `회의실 대관료 ${no}`, amount: 10_000 * no };
      }
    }
    const started = await exportsService.start(
      actorFor(leeId),
      'settlement.ledger',
      'xlsx',
      ledger(rows(), 300),
    );
    expect(started).toMatchObject({
      kind: 'settlement.ledger',
      format: 'xlsx',
      state: 'running',
      rowsTotal: 300,
      filename: '집행 내역 2026-12.xlsx',
      fileUrl: null,
    });

    const midway = await poll(lee, started.id, (s) => s.rowsDone >= 101);
    expect(midway).toMatchObject({ state: 'running', rowsDone: 101, percent: 33 });
    const early = await lee.get(`/api/exports/${started.id}/file`);
    expect(early.status).toBe(409);
    expect(early.problem.code).toBe('state_conflict');

    release();
    const ready = await poll(lee, started.id, (s) => s.state !== 'running');
    expect(ready).toMatchObject({ state: 'ready', rowsDone: 300, percent: 100, error: null });
    expect(ready.fileUrl).toBe(`/api/exports/${started.id}/file`);

    const { response, bytes } = await fetchBytes(t, lee, ready.fileUrl as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('집행 내역 2026-12.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('집행 내역');
    expect(sheet?.rowCount).toBe(301);
    expect(sheet?.getCell('C301').value).toBe(3_000_000);

    // Only the requester sees the run or its file, even through the generic files routes.
    expect((await park.get(`/api/exports/${started.id}`)).status).toBe(404);
    expect((await park.get(`/api/exports/${started.id}/file`)).status).toBe(404);
    const file = await t.db.getRepository(FileEntity).findOneByOrFail({ ownerId: started.id });
    expect((await park.get(`/api/files/${file.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/exports/${started.id}`)).status).toBe(401);

    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findBy({ entityType: 'export_run', entityId: started.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['export.started', 'file.attached']);
    expect(audit.every((a) => a.actorId === leeId)).toBe(true);
  });

  it('reports a failed export without a file, and progress as unknown without totals', async () => {
    function* broken(): Generator<Line> {
      yield { no: 1, memo: 'ok', amount: 1000 };
      yield { no: 2, memo: 'bad', amount: 0.5 };
    }
    const started = await exportsService.start(actorFor(leeId), 'settlement.ledger', 'csv', ledger(broken()));
    expect(started.rowsTotal).toBeNull();
    expect(started.percent).toBeNull();
    const failed = await poll(lee, started.id, (s) => s.state !== 'running');
    expect(failed).toMatchObject({ state: 'failed', error: 'error', fileUrl: null });
    expect((await lee.get(`/api/exports/${started.id}/file`)).status).toBe(409);
  });

  it('reports a run whose process stopped beating as interrupted', async () => {
    const started = await exportsService.start(actorFor(leeId), 'x', 'csv', ledger([]));
    await poll(lee, started.id, (s) => s.state === 'ready');
    const [{ id }] = (await t.db.query(
      `INSERT INTO export_runs (kind, format, filename, requested_by, heartbeat_at, expires_at)
       VALUES ('x', 'csv', 'x.csv', $1, now() - interval '5 minutes', now() + interval '1 day') RETURNING id`,
      [leeId],
    )) as { id: string }[];
    const status = await lee.get<ExportRunStatus>(`/api/exports/${id}`);
    expect(status.body).toMatchObject({ state: 'failed', error: 'interrupted' });
  });

  it('purges expired runs with their files', async () => {
    const started = await exportsService.start(
      actorFor(leeId),
      'x',
      'pdf',
      ledger([{ no: 1, memo: '가', amount: 1 }], 1),
    );
    await poll(lee, started.id, (s) => s.state === 'ready');
    await t.db.query(`UPDATE export_runs SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      started.id,
    ]);
    expect((await lee.get(`/api/exports/${started.id}/file`)).status).toBe(404);
    expect(await exportsService.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect((await lee.get(`/api/exports/${started.id}`)).status).toBe(404);
    expect(await t.db.getRepository(FileEntity).countBy({ ownerId: started.id })).toBe(0);
  });

  it.each(['csv', 'xlsx'] as const)(
    'stops reading rows when the client goes away mid-download (%s)',
    async (format) => {
      let produced = 0;
      let released = false;
      async function* endless(): AsyncGenerator<Line> {
        try {
          for (let no = 1; ; no++) {
            produced++;
            if (no % 500 === 0) await sleep(1);
            yield { no, memo: '긴 적요 '.repeat(20), amount: no };
          }
        } finally {
          released = true; // where a domain's cursor would be closed
        }
      }
      const server = express()
        .get('/endless', (_req, res) => {
          void exportsService.send(res, format, ledger(endless()));
        })
        .listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const abort = new AbortController();
        const response = await fetch(`http://127.0.0.1:${port}/endless`, { signal: abort.signal });
        const reader = response.body?.getReader();
        await reader?.read();
        abort.abort();
        for (let i = 0; i < 50 && !released; i++) await sleep(100);
        expect(released).toBe(true);
        const stoppedAt = produced;
        await sleep(300);
        expect(produced).toBe(stoppedAt);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
    20_000,
  );

  it('streams straight into an HTTP response in one call, with a Korean download name', async () => {
    const server = express()
      .get('/report.csv', (_req, res) => {
        void exportsService.send(res, 'csv', ledger([{ no: 1, memo: '간식비, "다과"', amount: 12_000 }]));
      })
      .listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/report.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('집행 내역 2026-12.csv');
      const records = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
      expect(records).toEqual([
        ['번호', '적요', '금액'],
        ['1', '간식비, "다과"', '12000'],
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
