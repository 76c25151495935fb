import { HttpClient } from '@angular/common/http';
import { Injectable, REQUEST, computed, inject, signal } from '@angular/core';
import type {
  ChangePasswordRequest,
  Locale,
  LoginRequest,
  MeResponse,
  Permission,
  RegisterRequest,
  SessionResponse,
  UpdateProfileRequest,
} from '@madang/contracts';
import { firstValueFrom } from 'rxjs';
import { I18nService } from '@madang/web/i18n';

/**
 * Who is signed in, as signals. `ready()` resolves once the CSRF cookie has been asked for and
 * the session has been looked up, so guards and mutating calls can wait for it.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<MeResponse | null>(null);
  private readonly loaded = signal(false);
  private startup: Promise<void> | null = null;
  private csrf: Promise<void> | null = null;
  /** Set only while the server renders a public page, which it always does signed out. */
  private readonly rendering = inject(REQUEST, { optional: true }) !== null;

  readonly me = this.state.asReadonly();
  readonly isLoaded = this.loaded.asReadonly();
  readonly isSignedIn = computed(() => this.state() !== null);
  readonly permissions = computed<ReadonlySet<Permission>>(() => new Set(this.state()?.permissions ?? []));

  has(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /** Starts (once) the CSRF cookie request and the session look-up. Never rejects. */
  ready(): Promise<void> {
    this.startup ??= this.start();
    return this.startup;
  }

  /** Resolves once the CSRF cookie has been requested (whether or not that worked). */
  csrfReady(): Promise<void> {
    this.csrf ??= firstValueFrom(this.http.get<void>('/api/auth/csrf')).then(
      () => undefined,
      () => undefined,
    );
    return this.csrf;
  }
  async signIn(request: LoginRequest): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.post<MeResponse>('/api/auth/login', request));
    this.adopt(me);
    return me;
  }

  async register(request: RegisterRequest): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.post<MeResponse>('/api/auth/register', request));
    this.adopt(me);
    return me;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}));
    } finally {
      this.state.set(null);
    }
  }

  async updateProfile(request: UpdateProfileRequest): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.patch<MeResponse>('/api/auth/me', request));
    this.adopt(me);
    return me;
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/auth/password', request));
  }

  /**
   * Changes the language at once; for a signed-in user also saves it on the server so it
   * follows them to other devices. A failed save keeps the local choice.
   */
  async changeLocale(locale: Locale): Promise<void> {
    this.i18n.use(locale);
    const me = this.state();
    if (!me || me.locale === locale) return;
    this.state.set({ ...me, locale });
    try {
      const updated = await firstValueFrom(this.http.patch<MeResponse>('/api/auth/me', { locale }));
      this.state.set(updated);
    } catch {
      // Remembered in this browser only; the next sign-in uses the server's value.
    }
  }

  /** Forgets the session locally (e.g. after a 401 from any call). */
  clear(): void {
    this.state.set(null);
  }

  private adopt(me: MeResponse): void {
    this.state.set(me);
    if (me.locale !== this.i18n.locale()) this.i18n.use(me.locale);
  }

  private async start(): Promise<void> {
    if (this.rendering) {
      this.loaded.set(true);
      return;
    }
    await this.csrfReady();
    try {
      // Not /api/auth/me: its 401 for a visitor who is not signed in is a console error on every public page.
      const { user } = await firstValueFrom(this.http.get<SessionResponse>('/api/auth/session'));
      if (user) this.adopt(user);
      else this.state.set(null);
    } catch {
      // The API is unreachable: carry on anonymously.
      this.state.set(null);
    } finally {
      this.loaded.set(true);
    }
  }
}
