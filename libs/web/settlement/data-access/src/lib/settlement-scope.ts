import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import type { SettlementMe } from '@madang/contracts';
import { AuthService } from '@madang/web/session';
import { firstValueFrom } from 'rxjs';

const NONE: SettlementMe = { visible: false, all: false, programmeIds: [] };

/**
 * What of settlement the signed-in user may see (`GET /api/settlement/me`), as a signal the menu
 * reads and a promise the route guard awaits. Looked up again whenever the signed-in user changes.
 */
@Injectable({ providedIn: 'root' })
export class SettlementScopeService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly state = signal<SettlementMe>(NONE);
  private loadedFor: string | null = null;
  private pending: Promise<SettlementMe> | null = null;

  /** The last scope looked up (nothing until then, and for anonymous visitors). */
  readonly scope = this.state.asReadonly();
  readonly visible = computed(() => this.state().visible);
  readonly all = computed(() => this.state().all);

  /** The scope of the user signed in now; asks the API once per user. Never rejects. */
  async load(): Promise<SettlementMe> {
    await this.auth.ready();
    const userId = this.auth.me()?.id ?? null;
    if (userId === null) {
      this.loadedFor = null;
      this.pending = null;
      this.state.set(NONE);
      return NONE;
    }
    if (this.loadedFor !== userId || this.pending === null) {
      this.loadedFor = userId;
      this.pending = firstValueFrom(this.http.get<SettlementMe>('/api/settlement/me')).then(
        (scope) => {
          if (this.loadedFor === userId) this.state.set(scope);
          return scope;
        },
        () => {
          if (this.loadedFor === userId) this.state.set(NONE);
          this.pending = null;
          return NONE;
        },
      );
    }
    return this.pending;
  }
}

/**
 * Lets a settlement page open for a signed-in user with some settlement scope (operations, an
 * approver assigned to a programme, a manager of a programme's lead group); others see the 403
 * page, anonymous visitors go to sign-in first.
 */
export const settlementScopeGuard: CanActivateFn = async (_route, state): Promise<boolean | UrlTree> => {
  const auth = inject(AuthService);
  const scope = inject(SettlementScopeService);
  const router = inject(Router);
  await auth.ready();
  if (!auth.isSignedIn()) {
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  }
  const me = await scope.load();
  return me.visible ? true : router.createUrlTree(['/forbidden']);
};
