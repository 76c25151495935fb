import { wallClockToIso } from '@madang/booking-rules';
import { DateTime } from 'luxon';

// Apart from booking-labels: these need luxon and the rules' time helpers, which a page that only shows
// labels (the catalogue) should not load.

/** Local wall-clock `YYYY-MM-DDTHH:mm` of an instant in a zone (for datetime-local inputs). */
export function toLocalInput(iso: string, timeZone: string): string {
  const dt = DateTime.fromISO(iso).setZone(timeZone);
  return dt.isValid ? dt.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

/** The instant (ISO with offset) of a datetime-local value read as wall-clock time in `timeZone`. */
export function fromLocalInput(value: string | null | undefined, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value ?? '');
  return match ? wallClockToIso(match[1], match[2], timeZone) : null;
}
