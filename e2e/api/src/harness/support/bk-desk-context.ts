import type { BookingDto, CustodyDto, OutOfServiceDto } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';

/** Desk objects for the matrix (blocks, custody, check-in), made through approver@ and resident@. */
export interface BkDeskContext {
  /** A fresh two-hour window 20+ days ahead, apart from every other cell's. */
  window(): { start: string; end: string };
  /** A fresh asset with an active out-of-service block set by approver@. */
  outOfService(): Promise<{ assetId: string; blockId: string }>;
  /** A fresh booking of resident A on the matrix equipment item, approved by approver@. */
  equipmentBooking(): Promise<{ bookingId: string; assetId: string }>;
  /** A fresh open hand-out (approver@) of such a booking. */
  handout(): Promise<string>;
}

export function bkDeskContext(
  clients: { approver: MadangClient; residentA: MadangClient },
  freshAsset: () => Promise<string>,
  categoryId: string,
): BkDeskContext {
  const { approver, residentA } = clients;
  const must = <T>(what: string, r: { status: number; body: T }): T => {
    if (r.status >= 300)
      throw new Error(`matrix setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const day = 86_400_000;
  const base = Math.floor(Date.now() / day) * day + 20 * day;
  let n = 0;
  const window = () => {
    const start = base + n++ * 3 * 3_600_000;
    return { start: new Date(start).toISOString(), end: new Date(start + 2 * 3_600_000).toISOString() };
  };
  let item: Promise<string> | undefined;
  const equipmentItem = () =>
    (item ??= approver
      .post<{ id: string }>('/api/assets', {
        categoryId,
        kind: 'equipment_item',
        name: { ko: '매트릭스 장비', en: 'Matrix equipment' },
      })
      .then((r) => must('equipment item', r).id));
  const equipmentBooking = async () => {
    const assetId = await equipmentItem();
    const booking = must(
      'equipment booking',
      await residentA.post<BookingDto>('/api/bookings', {
        items: [{ assetId }],
        ...window(),
        purpose: 'matrix desk',
        attendees: 1,
      }),
    );
    must('approve', await approver.post(`/api/bookings/${booking.id}/approve`, {}));
    return { bookingId: booking.id, assetId };
  };
  return {
    window,
    async outOfService() {
      const assetId = await freshAsset();
      const made = must(
        'out-of-service',
        await approver.post<OutOfServiceDto>(`/api/assets/${assetId}/out-of-service`, {
          ...window(),
          reason: 'repair',
        }),
      );
      return { assetId, blockId: made.id };
    },
    equipmentBooking,
    async handout() {
      const { bookingId, assetId } = await equipmentBooking();
      return must(
        'hand-out',
        await approver.post<CustodyDto>(`/api/bookings/${bookingId}/handouts`, {
          assetId,
          receivedBy: 'Matrix',
        }),
      ).id;
    },
  };
}
