import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idleShare, waitForQuiet } from './quiet.mjs';

const core = (user, idle) => ({ user, nice: 0, sys: 0, idle, irq: 0 });

test('idle share: idle time over all time, across cores', () => {
  assert.equal(idleShare([core(0, 0), core(0, 0)], [core(100, 900), core(500, 500)]), 1400 / 2000);
  assert.equal(idleShare([core(5, 5)], [core(5, 5)]), 1); // no time passed
});

/** A fake machine: each window's idle share in turn, then the last one for ever. */
function machine(shares, windowMs) {
  let clock = 0;
  let window = 0;
  let idle = 0;
  let busy = 0;
  return {
    sample: () => [core(busy, idle)],
    sleep: async () => {
      const share = shares[Math.min(window++, shares.length - 1)];
      idle += share * windowMs;
      busy += (1 - share) * windowMs;
      clock += windowMs;
    },
    now: () => clock,
  };
}

test('waits for two quiet windows in a row', async () => {
  const m = machine([0.2, 0.9, 0.5, 0.95, 0.9, 0.1], 500);
  const result = await waitForQuiet({ ...m, windowMs: 500, windows: 2, share: 0.85 });
  assert.deepEqual(result, { quiet: true, waitedMs: 2500, idle: 0.9 });
});

test('gives up at its limit on a machine that stays busy, saying so', async () => {
  const m = machine([0.3], 500);
  const result = await waitForQuiet({ ...m, windowMs: 500, maxMs: 3000 });
  assert.equal(result.quiet, false);
  assert.equal(result.waitedMs, 3000);
  assert.ok(Math.abs(result.idle - 0.3) < 1e-9);
});
