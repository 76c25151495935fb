import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, Role, UserListQuery, UserSummary } from '@madang/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<Page<UserSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<UserSummary>>('/api/users', { params });
  }

  grantRole(userId: string, role: Role): Observable<UserSummary> {
    return this.http.put<UserSummary>(`/api/users/${encodeURIComponent(userId)}/roles/${role}`, {});
  }

  revokeRole(userId: string, role: Role): Observable<UserSummary> {
    return this.http.delete<UserSummary>(`/api/users/${encodeURIComponent(userId)}/roles/${role}`);
  }
}
