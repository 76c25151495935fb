import { REQUEST } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DOCUMENT } from '@angular/common';
import { ERROR_MESSAGES, ROLE_LABELS } from '@madang/contracts';
import { I18nService, LOCALE_STORAGE_KEY } from './i18n.service';
import { LocalizedPipe } from './localized.pipe';
import {
  COMMON_MESSAGES,
  type MessageKey,
  defineMessages,
  dictionary,
  loadedMessageParts,
  messageText,
  registerMessages,
} from './messages';
import { TranslatePipe } from './translate.pipe';

function setBrowserLanguages(languages: string[]): void {
  Object.defineProperty(window.navigator, 'languages', { value: languages, configurable: true });
}

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.cookie = 'madang_locale=; Path=/; Max-Age=0';
    setBrowserLanguages(['en-GB', 'en']);
  });

  function create(): I18nService {
    return TestBed.inject(I18nService);
  }

  const { en, ko } = COMMON_MESSAGES.dictionaries;

  it('has the same keys in Korean and English, none of them empty', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(ko))
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en & MessageKey)[]) {
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
    expect(i18n.t('form.minLength', { min: 8 })).toBe('Must be at least 8 characters.');
    i18n.use('ko');
    expect(i18n.t('form.minLength', { min: 8 })).toBe('8자 이상이어야 합니다.');
    expect(i18n.t('error.goHome')).toBe('홈으로 가기');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });

  it('remembers a switch in a cookie, so pages the server renders next come in that language', () => {
    create().use('ko');
    expect(document.cookie).toContain('madang_locale=ko');
    TestBed.resetTestingModule();
    expect(create().locale()).toBe('ko');
  });

  it('renders on the server in the language the request asks for', () => {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: REQUEST,
          // The parts of the Fetch API's Request the service reads (jsdom has no Request).
          useValue: {
            url: 'http://127.0.0.1:3000/catalogue',
            headers: {
              get: (name: string) =>
                ({ 'accept-language': 'ko-KR', cookie: 'madang_locale=en' })[name] ?? null,
            },
          },
        },
      ],
    });
    const i18n = create();
    expect(i18n.locale()).toBe('en');
    i18n.use('ko');
    expect(document.cookie).not.toContain('madang_locale=ko');
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
    expect(pipe.transform('form.save', 'ko')).toBe('저장');
    expect(pipe.transform('paginator.range', 'en', { start: 1, end: 20, total: 45 })).toBe('1–20 of 45');
    expect(new LocalizedPipe().transform(ROLE_LABELS.resident, 'ko')).toBe('주민');
  });
});

describe('message parts', () => {
  // A part registered by a test; its key is not in the compiled catalogue, so it is cast.
  const key = 'test.only' as MessageKey;
  const part = defineMessages('test-part', {
    en: { 'test.only': 'Only here' },
    ko: { 'test.only': '여기만' },
  });

  it('loads only the common messages until a part is registered, then its keys too', () => {
    expect(loadedMessageParts()).toEqual(['common']);
    expect(messageText('en', key)).toBe('test.only');
    registerMessages(part);
    expect(loadedMessageParts()).toEqual(['common', 'test-part']);
    expect(messageText('en', key)).toBe('Only here');
    expect(dictionary('ko')[key]).toBe('여기만');
  });

  it('registers a part once however often its routes load', () => {
    registerMessages(part);
    registerMessages(part);
    expect(loadedMessageParts().filter((id) => id === 'test-part')).toHaveLength(1);
  });
});
