import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddMemberRequest,
  CreateGroupRequest,
  GroupDetail,
  GroupSummary,
  UpdateGroupRequest,
} from '@madang/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class GroupsService {
  private readonly http = inject(HttpClient);

  list(): Observable<GroupSummary[]> {
    return this.http.get<GroupSummary[]>('/api/groups');
  }

  get(id: string): Observable<GroupDetail> {
    return this.http.get<GroupDetail>(`/api/groups/${encodeURIComponent(id)}`);
  }

  create(request: CreateGroupRequest): Observable<GroupDetail> {
    return this.http.post<GroupDetail>('/api/groups', request);
  }

  update(id: string, request: UpdateGroupRequest): Observable<GroupDetail> {
    return this.http.patch<GroupDetail>(`/api/groups/${encodeURIComponent(id)}`, request);
  }

  /** Adds a member, or (same e-mail again) changes whether they manage the group. */
  addMember(id: string, request: AddMemberRequest): Observable<GroupDetail> {
    return this.http.post<GroupDetail>(`/api/groups/${encodeURIComponent(id)}/members`, request);
  }

  removeMember(id: string, userId: string): Observable<GroupDetail> {
    return this.http.delete<GroupDetail>(
      `/api/groups/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
    );
  }
}
