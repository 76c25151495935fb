import { defineConfig } from '@playwright/test';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Browser journeys against the real app, started by the README's start step on a fresh embedded
 * PostgreSQL in demo mode. The config is loaded by the runner and by every worker; the port and
 * data folder are chosen once and inherited through the environment.
 */
const env = process.env;
env['E2E_WEB_PORT'] ??= String(41000 + Math.floor(Math.random() * 8000));
if (!env['E2E_WEB_DATA_DIR']) {
  const dir = mkdtempSync(join(tmpdir(), 'madang-web-e2e-'));
  chmodSync(dir, 0o755);
  env['E2E_WEB_DATA_DIR'] = dir;
}
const port = env['E2E_WEB_PORT'];
const baseURL = `http://127.0.0.1:${port}`;
const workspaceRoot = resolve(__dirname, '../..');
// Playwright cannot download its own browsers on these machines: use Debian's Chromium where present.
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: './src',
  outputDir: '../../test-results/web-e2e',
  fullyParallel: false,
  workers: 1,
  // One retry absorbs a machine hiccup on a shared CI box; Playwright reports such a test as "flaky" and
  // npm test (tools/test-all.mjs) repeats its name at the end of the run. A test failing twice fails.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node tools/madang.mjs',
    cwd: workspaceRoot,
    url: `${baseURL}/api/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: port, MADANG_DATA_DIR: env['E2E_WEB_DATA_DIR'] as string, LOG_LEVEL: 'warn' },
  },
});
