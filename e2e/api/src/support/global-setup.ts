import { launchMadang, tempDataDir } from './madang-process';

/** One Madang for the journeys, in demo mode on its own embedded PostgreSQL. */
export default async function globalSetup(): Promise<void> {
  const dataDir = tempDataDir();
  const madang = await launchMadang({ MADANG_DATA_DIR: dataDir });
  process.env['E2E_BASE_URL'] = madang.baseUrl;
  (globalThis as Record<string, unknown>)['__MADANG__'] = { madang, dataDir };
}
