import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BookingSeriesDto,
  CreateSeriesRequest,
  CreateSeriesResponse,
  EditSeriesRequest,
  EditSeriesResponse,
  OccurrenceChangeRequest,
  Page,
  SeriesCancelRequest,
  SeriesCancelResult,
  SeriesDecisionRequest,
  SeriesDecisionResult,
  SeriesListQuery,
  SeriesPreview,
  SeriesRequest,
  SeriesSummaryDto,
} from '@madang/contracts';
import type { Observable } from 'rxjs';

const at = (id: string) => `/api/bookings/series/${encodeURIComponent(id)}`;

/** Recurring booking series over HTTP (`/api/bookings/series`). */
@Injectable({ providedIn: 'root' })
export class SeriesService {
  private readonly http = inject(HttpClient);

  preview(request: SeriesRequest): Observable<SeriesPreview> {
    return this.http.post<SeriesPreview>('/api/bookings/series/preview', request);
  }

  create(request: CreateSeriesRequest): Observable<CreateSeriesResponse> {
    return this.http.post<CreateSeriesResponse>('/api/bookings/series', request);
  }

  list(query: SeriesListQuery = {}): Observable<Page<SeriesSummaryDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<SeriesSummaryDto>>('/api/bookings/series', { params });
  }

  get(id: string): Observable<BookingSeriesDto> {
    return this.http.get<BookingSeriesDto>(at(id));
  }

  edit(id: string, request: EditSeriesRequest): Observable<EditSeriesResponse> {
    return this.http.patch<EditSeriesResponse>(at(id), request);
  }

  changeOccurrence(id: string, date: string, request: OccurrenceChangeRequest): Observable<BookingSeriesDto> {
    return this.http.patch<BookingSeriesDto>(`${at(id)}/occurrences/${encodeURIComponent(date)}`, request);
  }

  decide(id: string, request: SeriesDecisionRequest): Observable<SeriesDecisionResult> {
    return this.http.post<SeriesDecisionResult>(`${at(id)}/decision`, request);
  }

  cancel(id: string, request: SeriesCancelRequest = {}): Observable<SeriesCancelResult> {
    return this.http.post<SeriesCancelResult>(`${at(id)}/cancel`, request);
  }
}
