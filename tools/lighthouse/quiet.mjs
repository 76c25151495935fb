// Measuring on a quiet machine (issue 13's Lighthouse tier). Lighthouse's simulated throttling multiplies
// the main-thread work it observes by 4: a CPU still busy with what ran just before (the browser tier's
// servers stopping, PostgreSQL's checkpoint, this Madang's start) shows up as blocking time that is not the
// page's. Before each run the tier waits, up to a limit, until the machine's cores are mostly idle.
import { cpus } from 'node:os';

/** Each core's cumulative times (ms), as `os.cpus()` reports them. */
export const cpuTimes = () => cpus().map((cpu) => cpu.times);

/** The share of all cores' time spent idle between two `cpuTimes()` samples (1 when nothing passed). */
export function idleShare(before, after) {
  let idle = 0;
  let total = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    for (const key of ['user', 'nice', 'sys', 'idle', 'irq']) total += after[i][key] - before[i][key];
    idle += after[i].idle - before[i].idle;
  }
  return total > 0 ? idle / total : 1;
}

/**
 * Waits until `windows` windows of `windowMs` in a row were at least `share` idle, or `maxMs` passed.
 * Resolves with `{ quiet, waitedMs, idle }` (idle: the last window's share). `sample` and `sleep` are
 * there for the tests.
 */
export async function waitForQuiet({
  share = 0.85,
  windowMs = 500,
  windows = 2,
  maxMs = 15_000,
  sample = cpuTimes,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = Date.now,
} = {}) {
  const started = now();
  let inARow = 0;
  let idle = 1;
  for (;;) {
    const before = sample();
    await sleep(windowMs);
    idle = idleShare(before, sample());
    inARow = idle >= share ? inARow + 1 : 0;
    const waitedMs = now() - started;
    if (inARow >= windows) return { quiet: true, waitedMs, idle };
    if (waitedMs >= maxMs) return { quiet: false, waitedMs, idle };
  }
}
