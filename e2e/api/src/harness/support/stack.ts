import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchMadang, MadangProcess, tempDataDir } from '../../support/madang-process';

/**
 * One Madang of the harness's own: the built API with its web app, started by the README's start
 * script (through the e2e support code) on a fresh embedded PostgreSQL in demo mode. Each harness
 * file starts its own, so one tier's damage (a stall, poisoned rules) never leaks into another.
 */
export class HarnessStack {
  private constructor(
    private madang: MadangProcess,
    readonly dataDir: string,
  ) {}

  static async start(): Promise<HarnessStack> {
    const dataDir = tempDataDir();
    const started = Date.now();
    const stack = new HarnessStack(await launchMadang({ MADANG_DATA_DIR: dataDir }, 120_000), dataDir);
    process.stdout.write(`harness: Madang started in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return stack;
  }

  get baseUrl(): string {
    return this.madang.baseUrl;
  }

  /** The embedded cluster's URL (user and password as tools/db/embedded-pg.mjs sets them). */
  get databaseUrl(): string {
    const pid = readFileSync(join(this.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
    return `postgres://madang:madang-local@127.0.0.1:${pid[3].trim()}/madang`;
  }

  output(): string {
    return this.madang.output();
  }

  /** Server log lines that say a request failed inside the API (for the failure report). */
  serverErrors(): string[] {
    return this.madang
      .output()
      .split('\n')
      .filter((line) => /ERROR/.test(line));
  }

  /**
   * Kills a stuck API (SIGKILL of the API process only; the start script then stops PostgreSQL)
   * and starts Madang again on the same data, so later probes are not blamed for an earlier stall.
   */
  async restartAfterStall(): Promise<void> {
    const starter = this.madang.child.pid;
    if (starter !== undefined && this.madang.child.exitCode === null) {
      const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(starter)], {
        encoding: 'utf8',
      })
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.includes('dist/apps/api/main.js'));
      for (const line of children) process.kill(Number(line.split(/\s+/)[0]), 'SIGKILL');
    }
    await this.madang.stop();
    this.madang = await launchMadang({ MADANG_DATA_DIR: this.dataDir }, 120_000);
  }

  async stop(): Promise<void> {
    await this.madang.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
