import type { OutOfServiceDto } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';

/** Desk objects for the matrix (blocks, custody, check-in), made through approver@ on fresh assets. */
export interface BkDeskContext {
  /** A future two-hour window far from every other cell's (blocks hold exactly it). */
  window(): { start: string; end: string };
  /** A fresh asset with an active out-of-service block set by approver@. */
  outOfService(): Promise<{ assetId: string; blockId: string }>;
}

export function bkDeskContext(approver: MadangClient, freshAsset: () => Promise<string>): BkDeskContext {
  let n = 0;
  const window = () => {
    const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1, 1) + n++ * 3 * 3_600_000);
    return { start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
  };
  return {
    window,
    async outOfService() {
      const assetId = await freshAsset();
      const made = await approver.post<OutOfServiceDto>(`/api/assets/${assetId}/out-of-service`, {
        ...window(),
        reason: 'repair',
      });
      if (made.status !== 201) throw new Error(`matrix setup: out-of-service answered ${made.status}`);
      return { assetId, blockId: made.body.id };
    },
  };
}
