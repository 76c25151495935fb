import { Directive, inject, input, output, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProjectDetail } from '@madang/contracts';
import { I18nService } from '@madang/web/i18n';
import { LabsService } from '@madang/web/living-labs/data-access';
import { failureText } from '@madang/web/util';

/** What every section of the workspace shares: the project, the service, and "tell the page to reload". */
@Directive()
export abstract class ProjectSection {
  readonly project = input.required<ProjectDetail>();
  readonly changed = output<void>();
  protected readonly labs = inject(LabsService);
  protected readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly busy = signal(false);

  /** Runs a one-click action (no form): snack-bar on failure, reload on success. */
  protected async act(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.snackBar.open(this.i18n.t('labs.saved'), undefined, { duration: 3000 });
      this.changed.emit();
    } catch (error: unknown) {
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
