import { bootstrapApplication } from '@angular/platform-browser';
import { yieldToBrowser } from '@madang/web/util';
import { appConfig } from './app/app.config';
import { ShellComponent } from './app/shell/shell.component';

// Evaluating the app's code and starting it are two tasks, not one: on a phone each is shorter than the
// two together, so the server-rendered page stays responsive while the app takes over (clicks made
// meanwhile are replayed).
void yieldToBrowser()
  .then(() => bootstrapApplication(ShellComponent, appConfig))
  .catch((err: unknown) => console.error(err));
