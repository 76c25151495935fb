// Starts Madang the way the browser tier does (e2e/web/playwright.config.ts webServer): `node tools/madang.mjs`
// on a free port with a fresh data folder (embedded PostgreSQL, demo mode, LOG_LEVEL=warn), waits for
// /api/ready, and stops it again: SIGTERM (madang.mjs stops the API, then the database), then the folder removed.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../db/embedded-pg.mjs';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The built app this tier needs, or a message saying how to build it. */
export function missingBuild(root) {
  const needed = ['dist/apps/api/main.js', 'dist/apps/web'];
  const missing = needed.filter((path) => !existsSync(join(root, path)));
  return missing.length
    ? `Madang is not built (${missing.join(', ')} missing): run \`npm run lighthouse\` (it builds first) or ` +
        '`npx nx run-many -t build -p api web`.'
    : null;
}

/**
 * Starts Madang; resolves with `{ base, stop }` once /api/ready answers 200. `stop()` is idempotent and
 * never rejects. A start that fails stops what it started and rejects with the server's last output.
 */
export async function startMadang(root) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'madang-lighthouse-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root: it must enter the folder
  const env = { ...process.env, PORT: String(port), MADANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // Always the embedded database in demo mode: the pages measured are the demo's, on fresh data.
  delete env.DATABASE_URL;
  env.MADANG_DEMO = 'true';
  const child = spawn(process.execPath, ['tools/madang.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let recent = '';
  child.stderr.on('data', (chunk) => {
    const text = chunk.toString('utf8');
    recent = (recent + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) process.stderr.write(`[madang] ${line}\n`);
  });

  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const done = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
        if (!done) {
          process.stderr.write(`[madang] did not stop within ${STOP_TIMEOUT_MS / 1000} s: killed\n`);
          child.kill('SIGKILL');
          await exited;
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    })());

  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `Madang exited before it was ready (${child.exitCode ?? child.signalCode}):\n${recent}`,
      );
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await stop();
      throw new Error(`Madang was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${recent}`);
    }
    try {
      const response = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return { base, stop, startedInMs: Date.now() - started };
}
