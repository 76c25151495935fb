import type { NestExpressApplication } from '@nestjs/platform-express';
import { MadangClient } from '@madang/testing';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../app.setup';
import { AppConfig, loadConfig } from '../config/app-config';
import { DemoSeeder } from '../demo/demo-seeder';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: DataSource;
  config: AppConfig;
  client(language?: string): MadangClient;
  /** A client signed in as a demo account (only with `demo: true`). */
  signIn(email: string, language?: string): Promise<MadangClient>;
  close(): Promise<void>;
}

/** The whole API on a random port over its own cloned, migrated database. */
export async function startTestApp(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DB_POOL_SIZE: '20',
    LOG_LEVEL: 'error',
    WEB_DIST_DIR: '',
    MADANG_DEMO: options.demo ? 'true' : 'false',
    ...options.env,
  });
  const app = await createApp(config);
  if (options.demo) await app.get(DemoSeeder).seed();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    config,
    db: app.get(DataSource),
    client: (language = 'ko') => new MadangClient(baseUrl, language),
    async signIn(email, language = 'ko') {
      const client = new MadangClient(baseUrl, language);
      await client.login(email, 'madang-demo');
      return client;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
