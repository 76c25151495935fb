import { bootstrapApplication } from '@angular/platform-browser';
import { NO_INTL_AT_START, yieldToBrowser } from '@madang/web/util';
import { appConfig } from './app/app.config';
import { ShellComponent } from './app/shell/shell.component';

/**
 * The browser's first Intl object (date, number or currency formatter, collator) costs a phone 60–90 ms
 * however small it is (the international components load); later ones cost almost nothing. A page that
 * formats dates or prices while it hydrates pays that here, in a task of its own, instead of on top of
 * the app's largest task. A server-rendered page that formats nothing until someone touches it says so
 * (NO_INTL_AT_START on its host) and is not charged at all; a page drawn in the browser always is.
 */
function loadIntl(): boolean {
  if (document.querySelector(`[${NO_INTL_AT_START}]`)) return false;
  performance.mark('madang:intl-warm-up');
  new Intl.DateTimeFormat(document.documentElement.lang || undefined).format(0);
  return true;
}

// Evaluating the app's code, loading Intl (where needed) and starting the app are separate tasks, not
// one: on a phone each is shorter than the three together, so the server-rendered page stays responsive
// while the app takes over (clicks made meanwhile are replayed).
void yieldToBrowser()
  .then(() => (loadIntl() ? yieldToBrowser() : undefined))
  .then(() => bootstrapApplication(ShellComponent, appConfig))
  .catch((err: unknown) => console.error(err));
