import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ArchiveQuery,
  ArchiveSummary,
  Page,
  PublicObservationDetail,
  PublicObservationListQuery,
  PublicObservationSummary,
  PublicProjectPage,
  PublicProjectSummary,
  ResponsePromiseView,
} from '@madang/contracts';
import type { Observable } from 'rxjs';
import { id, queryParams } from './http-params';

/**
 * The living-lab API anyone may read without signing in (`/api/public/...`). Only HttpClient is
 * used, so these pages can later be rendered on the server.
 */
@Injectable({ providedIn: 'root' })
export class PublicLabsService {
  private readonly http = inject(HttpClient);

  observations(query: PublicObservationListQuery): Observable<Page<PublicObservationSummary>> {
    return this.http.get<Page<PublicObservationSummary>>('/api/public/observations', {
      params: queryParams(query),
    });
  }

  observation(observationId: string): Observable<PublicObservationDetail> {
    return this.http.get<PublicObservationDetail>(`/api/public/observations/${id(observationId)}`);
  }

  responsePromise(): Observable<ResponsePromiseView> {
    return this.http.get<ResponsePromiseView>('/api/public/labs/response-promise');
  }

  projects(query: ArchiveQuery): Observable<Page<PublicProjectSummary>> {
    return this.http.get<Page<PublicProjectSummary>>('/api/public/labs/projects', {
      params: queryParams(query),
    });
  }

  summary(query: Omit<ArchiveQuery, 'limit' | 'offset'>): Observable<ArchiveSummary> {
    return this.http.get<ArchiveSummary>('/api/public/labs/summary', { params: queryParams(query) });
  }

  project(projectId: string): Observable<PublicProjectPage> {
    return this.http.get<PublicProjectPage>(`/api/public/labs/projects/${id(projectId)}`);
  }
}
