import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry, AuditQuery, Page } from '@madang/contracts';
import type { Observable } from 'rxjs';
import { DateTime } from 'luxon';
import { centreTimeZone } from '@madang/web/util';

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<AuditEntry>>('/api/audit', { params });
  }
}

/** A calendar day in the filter means that day in the centre's time zone (`GET /api/config`). */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const day = DateTime.fromISO(date, { zone: centreTimeZone() });
  if (!day.isValid) return undefined;
  return (end ? day.endOf('day') : day.startOf('day')).toISO() ?? undefined;
}

/** `yyyy-mm-dd` (from `<input type="date">`) → start of that day, as ISO 8601 with offset. */
export function startOfDay(date: string): string | undefined {
  return dayBoundary(date, false);
}

/** `yyyy-mm-dd` → last millisecond of that day, so a one-day range includes the whole day. */
export function endOfDay(date: string): string | undefined {
  return dayBoundary(date, true);
}
