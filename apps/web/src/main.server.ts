import { type BootstrapContext, bootstrapApplication } from '@angular/platform-browser';
import { serverConfig } from './app/app.config.server';
import { ShellComponent } from './app/shell/shell.component';

/** The server bundle's entry: the same shell and routes as the browser, with server rendering. */
const bootstrap = (context: BootstrapContext) => bootstrapApplication(ShellComponent, serverConfig, context);

export default bootstrap;
