import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BookingDto, CalendarFeedInfo, JoinWaitlistRequest, WaitlistEntryDto } from '@madang/contracts';
import type { Observable } from 'rxjs';

/** Waitlists with timed offers and the person's calendar feed, over HTTP. */
@Injectable({ providedIn: 'root' })
export class BookingNotifyService {
  private readonly http = inject(HttpClient);

  joinWaitlist(assetId: string, request: JoinWaitlistRequest): Observable<WaitlistEntryDto> {
    return this.http.post<WaitlistEntryDto>(`/api/assets/${encodeURIComponent(assetId)}/waitlist`, request);
  }

  myWaitlist(): Observable<WaitlistEntryDto[]> {
    return this.http.get<WaitlistEntryDto[]>('/api/waitlist');
  }

  leaveWaitlist(entryId: string): Observable<void> {
    return this.http.delete<void>(`/api/waitlist/${encodeURIComponent(entryId)}`);
  }

  acceptOffer(offerId: string): Observable<BookingDto> {
    return this.http.post<BookingDto>(`/api/waitlist/offers/${encodeURIComponent(offerId)}/accept`, {});
  }

  myFeed(): Observable<CalendarFeedInfo> {
    return this.http.get<CalendarFeedInfo>('/api/feeds/me');
  }

  rotateFeed(): Observable<CalendarFeedInfo> {
    return this.http.post<CalendarFeedInfo>('/api/feeds/me/rotate', {});
  }
}
