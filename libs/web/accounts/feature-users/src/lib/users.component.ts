import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  GRANTABLE_ROLES,
  PERMISSIONS,
  ROLES,
  ROLE_LABELS,
  type Role,
  type UserSummary,
} from '@madang/contracts';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import { AuthService } from '@madang/web/session';
import { failureText, PageState } from '@madang/web/util';
import { I18nService, RoleLabelPipe, TranslatePipe } from '@madang/web/i18n';
import { DateTimePipe, PaginatorComponent } from '@madang/web/ui';
import { UsersService } from '@madang/web/accounts/data-access';

@Component({
  selector: 'app-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DateTimePipe,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatCheckboxModule,
    MatChipsModule,
    PaginatorComponent,
    MatProgressBarModule,
    MatButtonModule,
    TranslatePipe,
    RoleLabelPipe,
  ],
  templateUrl: './users.component.html',
})
export class UsersComponent {
  private readonly users = inject(UsersService);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18nService);
  protected readonly lang = this.i18n.locale;
  protected readonly roles = ROLES;
  protected readonly grantable = GRANTABLE_ROLES;
  protected readonly canManage = computed(() => this.auth.permissions().has(PERMISSIONS.USERS_MANAGE_ROLES));
  protected readonly columns = ['displayName', 'email', 'roles', 'createdAt'];

  protected readonly filters = inject(FormBuilder).nonNullable.group({
    q: [''],
    role: ['' as Role | ''],
  });
  private readonly filterValue = toSignal(
    this.filters.valueChanges.pipe(
      debounceTime(300),
      map(() => this.filters.getRawValue()),
      distinctUntilChanged((a, b) => a.q === b.q && a.role === b.role),
    ),
    { initialValue: this.filters.getRawValue() },
  );
  protected readonly paging = new PageState();
  /** Role changes made on this page, by user id, until the list is reloaded. */
  private readonly updated = signal<ReadonlyMap<string, UserSummary>>(new Map());
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  protected readonly page = rxResource({
    params: () => ({
      q: this.filterValue().q.trim() || undefined,
      role: this.filterValue().role || undefined,
      ...this.paging.query(),
    }),
    stream: ({ params }) => this.users.list(params),
  });
  protected readonly rows = computed(() => {
    const changes = this.updated();
    return (this.page.hasValue() ? this.page.value().items : []).map((user) => changes.get(user.id) ?? user);
  });
  protected readonly total = computed(() => (this.page.hasValue() ? this.page.value().total : 0));
  protected readonly loadError = computed(() =>
    this.page.error() ? failureText(this.page.error(), this.lang()) : null,
  );

  constructor() {
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.paging.first());
  }

  protected onPage(): void {
    this.updated.set(new Map());
  }

  protected pendingKey(user: UserSummary, role: Role): string {
    return `${user.id}:${role}`;
  }

  protected async toggleRole(user: UserSummary, role: Role, grant: boolean): Promise<void> {
    const key = this.pendingKey(user, role);
    this.pending.update((set) => new Set(set).add(key));
    const roleName = this.i18n.text(ROLE_LABELS[role]);
    try {
      const result = await firstValueFrom(
        grant ? this.users.grantRole(user.id, role) : this.users.revokeRole(user.id, role),
      );
      this.updated.update((map) => new Map(map).set(result.id, result));
      const message = this.i18n.t(grant ? 'users.granted' : 'users.revoked', {
        role: roleName,
        name: user.displayName,
      });
      this.snackBar.open(message, undefined, { duration: 4000 });
    } catch (error: unknown) {
      // Put the checkbox back by re-emitting the unchanged row.
      this.updated.update((map) => new Map(map).set(user.id, { ...user }));
      this.snackBar.open(failureText(error, this.lang()), this.i18n.t('error.dismiss'), { duration: 8000 });
    } finally {
      this.pending.update((set) => {
        const next = new Set(set);
        next.delete(key);
        return next;
      });
    }
  }
}
