import { isPlatformServer } from '@angular/common';
import { PLATFORM_ID, TransferState, inject, makeStateKey } from '@angular/core';

const RENDER_MINUTE = makeStateKey<string>('madang:render-minute');

/** The time rounded down to the whole minute, as ISO (UTC). */
export function currentMinute(now = Date.now()): string {
  return new Date(Math.floor(now / 60_000) * 60_000).toISOString();
}

/**
 * The whole minute a page is drawn for. On the server: the current minute, handed to the browser with the
 * page. In the browser: the server's minute the first time it is asked (the page's first render, which
 * adopts the server's HTML), the current minute after that or when nothing came rendered.
 *
 * What asks the API about "now" (the catalogue's free-now states) then asks exactly what the server asked,
 * so hydration reuses the server's answer: when a minute turned between rendering and hydrating, the
 * browser used to fetch again and draw the whole list anew. Call it in an injection context.
 */
export function renderMinute(): string {
  const state = inject(TransferState);
  if (isPlatformServer(inject(PLATFORM_ID))) {
    const minute = state.get(RENDER_MINUTE, null) ?? currentMinute();
    state.set(RENDER_MINUTE, minute);
    return minute;
  }
  const fromServer = state.get(RENDER_MINUTE, null);
  if (fromServer === null) return currentMinute();
  state.remove(RENDER_MINUTE);
  return fromServer;
}
