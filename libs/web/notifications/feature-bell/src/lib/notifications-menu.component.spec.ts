import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { NotificationDto } from '@madang/contracts';
import { registerMessages } from '@madang/web/i18n';
import { NOTIFICATIONS_MESSAGES } from '@madang/web/notifications/util';
import { NotificationsMenuComponent } from './notifications-menu.component';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class BlankComponent {}

const BOOKING = '5f0c8a8e-8d59-4d39-9a55-0b3f7f0e2a11';
function notification(id: string, kind: string, subject: NotificationDto['subject']): NotificationDto {
  return {
    id,
    kind,
    title: { ko: `제목 ${id}`, en: `Title ${id}` },
    body: { ko: '본문', en: 'Body' },
    subject,
    bookingId: subject.type === 'booking' ? subject.id : null,
    createdAt: '2026-12-01T02:00:00.000Z',
    readAt: null,
  };
}

beforeAll(() => registerMessages(NOTIFICATIONS_MESSAGES));

describe('NotificationsMenuComponent', () => {
  let fixture: ComponentFixture<NotificationsMenuComponent>;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    localStorage.setItem('madang.locale', 'en');
    TestBed.configureTestingModule({
      imports: [NotificationsMenuComponent],
      providers: [
        provideRouter([
          { path: 'bookings', component: BlankComponent },
          { path: 'approvals', component: BlankComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(NotificationsMenuComponent);
    fixture.detectChanges();
    http.expectOne('/api/notifications').flush(list());
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  const bell = () =>
    fixture.nativeElement.querySelector('[data-testid="notifications"]') as HTMLButtonElement;

  const list = () => [
    notification('a1', 'booking.awaiting_decision', { type: 'booking', id: BOOKING }),
    notification('a2', 'booking.approved', { type: 'booking', id: BOOKING }),
    notification('a3', 'booking.approval_digest', { type: 'approval_queue', id: null }),
  ];

  it('counts the unread notifications on the bell', () => {
    expect(bell().getAttribute('aria-label')).toBe('3 unread notifications');
  });

  it.each([
    ['a1', '/approvals'],
    ['a2', '/bookings'],
    ['a3', '/approvals'],
  ])('opening %s marks it read and goes to %s, by what it is about', async (id, url) => {
    bell().click();
    fixture.detectChanges();
    // Opening the menu looks again for new notifications.
    http.expectOne('/api/notifications').flush(list());
    await fixture.whenStable();
    const item = document.querySelector(`[data-testid="notification-${id}"]`) as HTMLButtonElement;
    expect(item.textContent).toContain(`Title ${id}`);
    item.click();
    const read = http.expectOne(`/api/notifications/${id}/read`);
    expect(read.request.method).toBe('POST');
    read.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(router.url).toBe(url);
    expect(bell().getAttribute('aria-label')).toBe('2 unread notifications');
  });
});
