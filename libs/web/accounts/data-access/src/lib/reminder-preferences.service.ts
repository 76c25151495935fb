import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ReminderPreferences } from '@madang/contracts';
import type { Observable } from 'rxjs';

/** The signed-in person's booking-reminder preference (stored with the user). */
@Injectable({ providedIn: 'root' })
export class ReminderPreferencesService {
  private readonly http = inject(HttpClient);

  get(): Observable<ReminderPreferences> {
    return this.http.get<ReminderPreferences>('/api/reminder-preferences');
  }

  save(preferences: ReminderPreferences): Observable<ReminderPreferences> {
    return this.http.put<ReminderPreferences>('/api/reminder-preferences', preferences);
  }
}
