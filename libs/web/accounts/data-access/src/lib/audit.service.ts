import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry, AuditQuery, Page } from '@madang/contracts';
import type { Observable } from 'rxjs';

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

/** The centre is in Jeju: a calendar day in the filter means that day in Korea Standard Time. */
const KST = '+09:00';

/** `yyyy-mm-dd` (from `<input type="date">`) → start of that day, as ISO 8601 with offset. */
export function startOfDay(date: string): string | undefined {
  return date ? `${date}T00:00:00.000${KST}` : undefined;
}

/** `yyyy-mm-dd` → last millisecond of that day, so a one-day range includes the whole day. */
export function endOfDay(date: string): string | undefined {
  return date ? `${date}T23:59:59.999${KST}` : undefined;
}
