import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PAGE_LIMIT_MAX } from '@madang/contracts';
import type {
  ApprovalQueueItem,
  ApprovalQueueQuery,
  BookingDto,
  BookingListQuery,
  BulkDecisionRequest,
  BulkDecisionResult,
  CancelRequest,
  CancellationTerms,
  CreateBookingRequest,
  Page,
  QuoteResponse,
  RejectRequest,
} from '@madang/contracts';
import { type Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { toUtc } from './catalogue.service';

/** Bookings and decisions over HTTP. */
@Injectable({ providedIn: 'root' })
export class BookingsService {
  private readonly http = inject(HttpClient);

  quote(request: CreateBookingRequest): Observable<QuoteResponse> {
    return this.http.post<QuoteResponse>('/api/bookings/quote', request);
  }

  /** `idempotencyKey`: one per submit attempt, so a retried request cannot book twice. */
  create(request: CreateBookingRequest, idempotencyKey: string): Observable<BookingDto> {
    const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
    return this.http.post<BookingDto>('/api/bookings', request, { headers });
  }

  list(query: BookingListQuery = {}): Observable<Page<BookingDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params = params.set(key, key === 'from' || key === 'to' ? toUtc(String(value)) : String(value));
    }
    return this.http.get<Page<BookingDto>>('/api/bookings', { params });
  }

  /**
   * Every booking of a bounded query (a day, a month): the first page, then the rest in parallel,
   * at most `maxItems` (a day of 200 assets, a month of thousands of events).
   */
  listAll(query: Omit<BookingListQuery, 'limit' | 'offset'>, maxItems = 5000): Observable<BookingDto[]> {
    const limit = PAGE_LIMIT_MAX;
    return this.list({ ...query, limit, offset: 0 }).pipe(
      switchMap((first) => {
        const total = Math.min(first.total, maxItems);
        const offsets: number[] = [];
        for (let offset = limit; offset < total; offset += limit) offsets.push(offset);
        if (offsets.length === 0) return of(first.items);
        return forkJoin(offsets.map((offset) => this.list({ ...query, limit, offset }))).pipe(
          map((pages) => [...first.items, ...pages.flatMap((p) => p.items)]),
        );
      }),
    );
  }

  get(id: string): Observable<BookingDto> {
    return this.http.get<BookingDto>(`/api/bookings/${encodeURIComponent(id)}`);
  }

  approve(id: string, reason?: string): Observable<BookingDto> {
    const body: CancelRequest = reason ? { reason } : {};
    return this.http.post<BookingDto>(`/api/bookings/${encodeURIComponent(id)}/approve`, body);
  }

  reject(id: string, reason: string): Observable<BookingDto> {
    const body: RejectRequest = { reason };
    return this.http.post<BookingDto>(`/api/bookings/${encodeURIComponent(id)}/reject`, body);
  }

  /** What cancelling now would cost, as the API will apply it (the booked rule versions). */
  cancellationTerms(id: string): Observable<CancellationTerms> {
    return this.http.get<CancellationTerms>(`/api/bookings/${encodeURIComponent(id)}/cancellation`);
  }

  cancel(id: string, reason?: string): Observable<BookingDto> {
    const body: CancelRequest = reason ? { reason } : {};
    return this.http.post<BookingDto>(`/api/bookings/${encodeURIComponent(id)}/cancel`, body);
  }

  decide(request: BulkDecisionRequest): Observable<BulkDecisionResult> {
    return this.http.post<BulkDecisionResult>('/api/bookings/decisions', request);
  }

  /** The requests waiting for the caller's decision, oldest first, one page at a time. */
  queue(query: ApprovalQueueQuery = {}): Observable<Page<ApprovalQueueItem>> {
    let params = new HttpParams();
    if (query.limit !== undefined) params = params.set('limit', String(query.limit));
    if (query.offset !== undefined) params = params.set('offset', String(query.offset));
    return this.http.get<Page<ApprovalQueueItem>>('/api/approvals/queue', { params });
  }
}

/** A fresh idempotency key (crypto.randomUUID where available). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c?.getRandomValues?.(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
