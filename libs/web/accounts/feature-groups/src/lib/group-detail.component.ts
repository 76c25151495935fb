import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type GroupDetail, type GroupMemberSummary, PERMISSIONS } from '@madang/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { toProblem, failureText, injectFormSubmitter } from '@madang/web/util';
import { I18nService, GroupKindLabelPipe, TranslatePipe } from '@madang/web/i18n';
import { IconComponent, FieldErrorPipe } from '@madang/web/ui';
import { GROUP_DESCRIPTION_MAX_LENGTH, GROUP_NAME_MAX_LENGTH } from './groups.component';
import { GroupsService } from '@madang/web/accounts/data-access';

@Component({
  selector: 'app-group-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatCheckboxModule,
    MatSlideToggleModule,
    MatButtonModule,
    MatProgressBarModule,
    IconComponent,
    TranslatePipe,
    GroupKindLabelPipe,
  ],
  templateUrl: './group-detail.component.html',
  styleUrl: './group-detail.component.scss',
})
export class GroupDetailComponent {
  private readonly groups = inject(GroupsService);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly canManage = computed(() => this.auth.permissions().has(PERMISSIONS.GROUPS_MANAGE));
  protected readonly columns = computed(() =>
    this.canManage()
      ? ['displayName', 'email', 'isManager', 'actions']
      : ['displayName', 'email', 'isManager'],
  );

  protected readonly loaded = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.groups.get(params.id),
  });
  /** The latest version of the group, from the load or from the last change made here. */
  private readonly latest = signal<GroupDetail | null>(null);
  protected readonly group = computed(
    () => this.latest() ?? (this.loaded.hasValue() ? this.loaded.value() : null),
  );
  protected readonly notFound = computed(() => toProblemOrNull(this.loaded.error())?.code === 'not_found');
  protected readonly loadError = computed(() =>
    this.loaded.error() && !this.notFound() ? failureText(this.loaded.error(), this.lang()) : null,
  );
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  protected readonly editForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(GROUP_NAME_MAX_LENGTH)]],
    description: ['', [Validators.maxLength(GROUP_DESCRIPTION_MAX_LENGTH)]],
  });
  protected readonly memberForm = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    isManager: [false],
  });
  private readonly editSubmission = injectFormSubmitter(this.editForm);
  protected readonly saving = this.editSubmission.submitting;
  protected readonly editError = this.editSubmission.error;
  private readonly memberSubmission = injectFormSubmitter(this.memberForm);
  protected readonly adding = this.memberSubmission.submitting;
  protected readonly memberError = this.memberSubmission.error;

  constructor() {
    effect(() => {
      if (!this.loaded.hasValue()) return;
      const group = this.loaded.value();
      this.latest.set(null);
      this.editForm.reset({ name: group.name, description: group.description });
    });
  }

  protected async save(): Promise<void> {
    await this.editSubmission.submit(async () => {
      const { name, description } = this.editForm.getRawValue();
      const group = await firstValueFrom(
        this.groups.update(this.id(), { name: name.trim(), description: description.trim() }),
      );
      this.latest.set(group);
      this.editForm.reset({ name: group.name, description: group.description });
      this.snackBar.open(this.i18n.t('group.saved'), undefined, { duration: 4000 });
    });
  }

  protected async addMember(formDirective: FormGroupDirective): Promise<void> {
    await this.memberSubmission.submit(async () => {
      const { email, isManager } = this.memberForm.getRawValue();
      const group = await firstValueFrom(
        this.groups.addMember(this.id(), { email: email.trim(), isManager }),
      );
      this.latest.set(group);
      formDirective.resetForm({ email: '', isManager: false });
      const added = group.members.find((m) => m.email.toLowerCase() === email.trim().toLowerCase());
      this.snackBar.open(this.i18n.t('group.added', { name: added?.displayName ?? email }), undefined, {
        duration: 4000,
      });
    });
  }

  protected setManager(member: GroupMemberSummary, isManager: boolean): Promise<void> {
    return this.change(
      member,
      this.groups.addMember(this.id(), { email: member.email, isManager }),
      'group.updated',
    );
  }

  protected remove(member: GroupMemberSummary): Promise<void> {
    return this.change(member, this.groups.removeMember(this.id(), member.userId), 'group.removed');
  }

  private async change(
    member: GroupMemberSummary,
    call: Observable<GroupDetail>,
    done: 'group.updated' | 'group.removed',
  ): Promise<void> {
    this.pending.update((set) => new Set(set).add(member.userId));
    try {
      this.latest.set(await firstValueFrom(call));
      this.snackBar.open(this.i18n.t(done, { name: member.displayName }), undefined, { duration: 4000 });
    } catch (error: unknown) {
      const current = this.group();
      // Re-emit the group so a flipped toggle goes back to the server's truth.
      if (current) this.latest.set({ ...current, members: current.members.map((m) => ({ ...m })) });
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.pending.update((set) => {
        const next = new Set(set);
        next.delete(member.userId);
        return next;
      });
    }
  }
}

function toProblemOrNull(error: unknown) {
  return error ? toProblem(error) : null;
}
