import { MadangClient } from '@madang/testing';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort, launchMadang, runToFailure, tempDataDir } from './support/madang-process';

describe('starting and stopping Madang', () => {
  it('keeps accounts across a restart of the embedded database, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await launchMadang({ MADANG_DATA_DIR: dataDir });
      expect(first.output()).toContain('resident@madang.local');
      const client = new MadangClient(first.baseUrl);
      await client.register('restart@example.kr', 'Restart', 'survives a restart');
      expect(await first.stop()).toBe(0);
      expect(first.output()).toContain('Embedded PostgreSQL stopped.');

      const second = await launchMadang({ MADANG_DATA_DIR: dataDir });
      const again = new MadangClient(second.baseUrl);
      await again.login('restart@example.kr', 'survives a restart');
      expect((await again.get('/api/auth/me')).status).toBe(200);
      expect(await second.stop()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a bad configuration value, naming the variable, before starting anything', async () => {
    const dataDir = tempDataDir();
    const result = await runToFailure({
      MADANG_DATA_DIR: dataDir,
      PORT: 'eighty',
      SESSION_IDLE_MINUTES: '0',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("PORT must be a whole number between 1 and 65535 (got 'eighty')");
    expect(result.output).toContain('SESSION_IDLE_MINUTES');
    expect(result.output).not.toContain('Starting embedded PostgreSQL');
    expect(result.output).not.toMatch(/\n\s+at /);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says clearly when the port is taken, and stops its database', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '0.0.0.0');
    const dataDir = tempDataDir();
    try {
      const result = await runToFailure({ MADANG_DATA_DIR: dataDir, PORT: String(port) });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`port ${port} is already in use`);
      expect(result.output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
