import type { BookingDto, CalendarFeedInfo, WaitlistEntryDto } from '@madang/contracts';
import type { MadangClient } from '@madang/testing';

type Person = 'residentA' | 'residentB' | 'approver' | 'operations' | 'admin';

/** Waitlist and feed objects for the matrix (issue 12), made through the setup sessions. */
export interface BkNotifyContext {
  /** A fresh slot on the matrix room held (pending) by someone other than `joiner`. */
  takenSlot(joiner: Person): Promise<{ start: string; end: string }>;
  /** A fresh waiting entry of `person`. */
  entry(person: Person): Promise<string>;
  /** A fresh open offer to `person` (their entry's slot freed by its holder cancelling). */
  offer(person: Person): Promise<string>;
  /** The current secret feed path of `person`. */
  feedPath(person: Person): Promise<string>;
}

function ok<T>(what: string, r: { status: number; body: T }, status = [200, 201]): T {
  if (!status.includes(r.status))
    throw new Error(`matrix setup: ${what} answered ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function bkNotifyContext(
  setup: Record<Person, MadangClient>,
  roomId: string,
  slot: () => { start: string; end: string },
): BkNotifyContext {
  const holderFor = (joiner: Person): Person => (joiner === 'operations' ? 'admin' : 'operations');
  const hold = async (joiner: Person) => {
    const when = slot();
    const booking = ok(
      'waitlist holder booking',
      await setup[holderFor(joiner)].post<BookingDto>('/api/bookings', {
        items: [{ assetId: roomId }],
        ...when,
        purpose: 'matrix waitlist holder',
        attendees: 1,
      }),
    );
    return { when, booking };
  };
  const join = async (person: Person, when: { start: string; end: string }) =>
    ok(
      'waitlist entry',
      await setup[person].post<WaitlistEntryDto>(`/api/assets/${roomId}/waitlist`, {
        ...when,
        purpose: 'matrix waitlist',
        attendees: 1,
      }),
    );
  return {
    takenSlot: async (joiner) => (await hold(joiner)).when,
    entry: async (person) => (await join(person, (await hold(person)).when)).id,
    offer: async (person) => {
      const { when, booking } = await hold(person);
      const entry = await join(person, when);
      ok('free the slot', await setup[holderFor(person)].post(`/api/bookings/${booking.id}/cancel`, {}));
      const offered = ok('waitlist', await setup[person].get<WaitlistEntryDto[]>('/api/waitlist')).find(
        (e) => e.id === entry.id,
      );
      if (!offered?.offer || offered.offer.state !== 'open')
        throw new Error(`matrix setup: no open offer for ${person}'s entry ${entry.id}`);
      return offered.offer.id;
    },
    feedPath: async (person) => ok('feed', await setup[person].get<CalendarFeedInfo>('/api/feeds/me')).path,
  };
}
