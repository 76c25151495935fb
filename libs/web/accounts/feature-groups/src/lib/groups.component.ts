import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { GROUP_KINDS, type GroupKind, PERMISSIONS } from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { failureText, injectFormSubmitter } from '@madang/web/util';
import { I18nService, GroupKindLabelPipe, TranslatePipe } from '@madang/web/i18n';
import { DateTimePipe, FieldErrorPipe } from '@madang/web/ui';
import { GroupsService } from '@madang/web/accounts/data-access';

export const GROUP_NAME_MAX_LENGTH = 100;
export const GROUP_DESCRIPTION_MAX_LENGTH = 1000;

@Component({
  selector: 'app-groups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatExpansionModule,
    MatProgressBarModule,
    TranslatePipe,
    GroupKindLabelPipe,
    DateTimePipe,
  ],
  templateUrl: './groups.component.html',
})
export class GroupsComponent {
  private readonly groups = inject(GroupsService);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly kinds = GROUP_KINDS;
  protected readonly columns = ['name', 'kind', 'memberCount', 'createdAt'];
  protected readonly canManage = computed(() => this.auth.permissions().has(PERMISSIONS.GROUPS_MANAGE));

  protected readonly list = rxResource({ stream: () => this.groups.list() });
  protected readonly rows = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly loadError = computed(() =>
    this.list.error() ? failureText(this.list.error(), this.lang()) : null,
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(GROUP_NAME_MAX_LENGTH)]],
    kind: ['resident_team' as GroupKind, [Validators.required]],
    description: ['', [Validators.maxLength(GROUP_DESCRIPTION_MAX_LENGTH)]],
  });
  private readonly submission = injectFormSubmitter(this.form);
  protected readonly creating = this.submission.submitting;
  protected readonly formError = this.submission.error;

  protected async create(formDirective: FormGroupDirective): Promise<void> {
    await this.submission.submit(async () => {
      const { name, kind, description } = this.form.getRawValue();
      const group = await firstValueFrom(
        this.groups.create({ name: name.trim(), kind, description: description.trim() || undefined }),
      );
      formDirective.resetForm({ name: '', kind: 'resident_team', description: '' });
      this.snackBar.open(this.i18n.t('groups.createdToast', { name: group.name }), undefined, {
        duration: 4000,
      });
      await this.router.navigate(['/groups', group.id]);
    });
  }
}
