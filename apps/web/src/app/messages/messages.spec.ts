import { provideLocationMocks } from '@angular/common/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { BOOKINGS_MESSAGES } from '@madang/web/bookings/util';
import { SETTLEMENT_MESSAGES } from '@madang/web/settlement/util';
import { LABS_MESSAGES } from '@madang/web/living-labs/util';
import { NOTIFICATIONS_MESSAGES } from '@madang/web/notifications/util';
import { PLATFORM_MESSAGES } from '@madang/web/platform/util';
import { RECRUITMENT_MESSAGES } from '@madang/web/recruitment/util';
import { COMMON_MESSAGES, type MessageBundle, loadedMessageParts } from '@madang/web/i18n';
import { routes } from '../app.routes';
import { SHELL_MESSAGES } from './shell.messages';

const PARTS: readonly MessageBundle[] = [
  COMMON_MESSAGES,
  SHELL_MESSAGES,
  ACCOUNTS_MESSAGES,
  BOOKINGS_MESSAGES,
  SETTLEMENT_MESSAGES,
  LABS_MESSAGES,
  NOTIFICATIONS_MESSAGES,
  PLATFORM_MESSAGES,
  RECRUITMENT_MESSAGES,
];
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the message parts of the app', () => {
  it.each(PARTS.map((part) => [part.id, part] as const))(
    '%s has the same keys in Korean and English, none empty, with the same placeholders',
    (_id, part) => {
      const { en, ko } = part.dictionaries;
      expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect({ key, empty: ko[key].trim() === '' || en[key].trim() === '' }).toEqual({ key, empty: false });
        expect({ key, ko: placeholders(ko[key]) }).toEqual({ key, ko: placeholders(en[key]) });
      }
    },
  );

  it('never defines one key in two parts (a later part would silently win)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const part of PARTS) {
      for (const key of Object.keys(part.dictionaries.en)) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${part.id}`);
        else owner.set(key, part.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('loading a domain’s messages with its routes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  it('loads the bookings messages when a bookings page opens, and not before', async () => {
    expect(loadedMessageParts()).not.toContain('bookings');
    await TestBed.inject(Router).navigateByUrl('/catalogue');
    expect(loadedMessageParts()).toContain('bookings');
    expect(loadedMessageParts()).not.toContain('accounts');
  });
});
