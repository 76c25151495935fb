import { PLATFORM_ID, TransferState, makeStateKey } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { currentMinute, renderMinute } from './render-minute';

const KEY = makeStateKey<string>('madang:render-minute');

function on(platform: 'server' | 'browser'): TransferState {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: platform }] });
  return TestBed.inject(TransferState);
}

describe('renderMinute', () => {
  afterEach(() => jest.useRealTimers());

  it('rounds down to the whole minute', () => {
    expect(currentMinute(Date.parse('2026-12-02T06:59:59.999Z'))).toBe('2026-12-02T06:59:00.000Z');
  });

  it('on the server: the current minute, written for the browser (the same for every caller)', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-02T06:59:30Z') });
    const state = on('server');
    expect(TestBed.runInInjectionContext(renderMinute)).toBe('2026-12-02T06:59:00.000Z');
    jest.setSystemTime(Date.parse('2026-12-02T07:00:10Z'));
    expect(TestBed.runInInjectionContext(renderMinute)).toBe('2026-12-02T06:59:00.000Z');
    expect(state.get(KEY, null)).toBe('2026-12-02T06:59:00.000Z');
  });

  it('in the browser: the server’s minute once, even when a minute has turned since; then the current one', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-02T07:00:10Z') });
    const state = on('browser');
    state.set(KEY, '2026-12-02T06:59:00.000Z');
    expect(TestBed.runInInjectionContext(renderMinute)).toBe('2026-12-02T06:59:00.000Z');
    expect(TestBed.runInInjectionContext(renderMinute)).toBe('2026-12-02T07:00:00.000Z');
  });

  it('in the browser without a server render: the current minute', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-02T07:00:10Z') });
    on('browser');
    expect(TestBed.runInInjectionContext(renderMinute)).toBe('2026-12-02T07:00:00.000Z');
  });
});
