import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { JobsHealth } from '@madang/contracts';
import type { Observable } from 'rxjs';

/** The background-job health view (`GET /api/admin/jobs`, permission jobs:read). */
@Injectable({ providedIn: 'root' })
export class JobsService {
  private readonly http = inject(HttpClient);

  health(): Observable<JobsHealth> {
    return this.http.get<JobsHealth>('/api/admin/jobs');
  }
}
