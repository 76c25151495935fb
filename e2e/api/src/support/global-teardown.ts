import { rmSync } from 'node:fs';
import type { MadangProcess } from './madang-process';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)['__MADANG__'] as
    | { madang: MadangProcess; dataDir: string }
    | undefined;
  if (!state) return;
  await state.madang.stop();
  rmSync(state.dataDir, { recursive: true, force: true });
}
