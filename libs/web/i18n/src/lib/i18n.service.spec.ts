import { TestBed } from '@angular/core/testing';
import { DOCUMENT } from '@angular/common';
import { ERROR_MESSAGES, ROLE_LABELS } from '@madang/contracts';
import { I18nService, LOCALE_STORAGE_KEY } from './i18n.service';
import { en } from './messages.en';
import { ko } from './messages.ko';
import { LocalizedPipe } from './localized.pipe';
import { TranslatePipe } from './translate.pipe';

function setBrowserLanguages(languages: string[]): void {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    setBrowserLanguages(['en-GB', 'en']);
  });

  function create(): I18nService {
    return TestBed.inject(I18nService);
  }

  it('has the same keys in Korean and English, none of them empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ko))
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, ko: placeholders(ko[key]) }).toEqual({ key, ko: placeholders(en[key]) });
    }
  });

  it('starts in the browser language when nothing is stored', () => {
    expect(create().locale()).toBe('en');
  });

  it('falls back to Korean for a browser language Madang does not speak', () => {
    setBrowserLanguages(['fr-FR', 'de']);
    expect(create().locale()).toBe('ko');
  });

  it('prefers the language stored in this browser over the browser language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ko');
    expect(create().locale()).toBe('ko');
  });

  it('ignores a stored value that is not a supported language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(create().locale()).toBe('en');
  });

  it('translates and interpolates, following a language switch', () => {
    const i18n = create();
    expect(i18n.t('users.count', { count: 3 })).toBe('3 users');
    i18n.use('ko');
    expect(i18n.t('users.count', { count: 3 })).toBe('사용자 3명');
    expect(i18n.t('nav.home')).toBe('홈');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });

  it('picks texts from the contracts lib in the current language', () => {
    const i18n = create();
    expect(i18n.text(ROLE_LABELS.admin)).toBe('Administrator');
    i18n.use('ko');
    expect(i18n.text(ERROR_MESSAGES.too_many_attempts, { seconds: 30 })).toBe(
      '로그인 시도가 너무 많습니다. 30초 후에 다시 시도해 주세요.',
    );
  });

  it('sets the lang attribute of <html> to the current language', () => {
    const i18n = create();
    TestBed.tick();
    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.lang).toBe('en');
    i18n.use('ko');
    TestBed.tick();
    expect(html.lang).toBe('ko');
  });

  it('offers pure pipes that take the language as an argument', () => {
    const pipe = TestBed.runInInjectionContext(() => new TranslatePipe());
    expect(pipe.transform('nav.signIn', 'ko')).toBe('로그인');
    expect(pipe.transform('groups.memberCount', 'en', { count: 2 })).toBe('2 members');
    expect(new LocalizedPipe().transform(ROLE_LABELS.resident, 'ko')).toBe('주민');
  });
});
