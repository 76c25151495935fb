import { bootstrapApplication } from '@angular/platform-browser';
import { yieldToBrowser } from '@madang/web/util';
import { appConfig } from './app/app.config';
import { ShellComponent } from './app/shell/shell.component';

/**
 * The browser's first Intl object (date, number or currency formatter) costs a phone tens of
 * milliseconds however small it is (the international components load); later ones cost almost
 * nothing. Every public page formats dates or prices while it hydrates, so that cost is paid here, in a
 * task of its own, instead of on top of the app's largest task.
 */
function loadIntl(): void {
  new Intl.DateTimeFormat(document.documentElement.lang || undefined).format(0);
}

// Evaluating the app's code, loading Intl and starting the app are separate tasks, not one: on a phone
// each is shorter than the three together, so the server-rendered page stays responsive while the app
// takes over (clicks made meanwhile are replayed).
void yieldToBrowser()
  .then(() => {
    loadIntl();
    return yieldToBrowser();
  })
  .then(() => bootstrapApplication(ShellComponent, appConfig))
  .catch((err: unknown) => console.error(err));
