import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import { ERROR_MESSAGES, type MeResponse, type ProblemDetails } from '@madang/contracts';
import { AuthService } from '@madang/web/session';
import { ACCOUNTS_MESSAGES } from '@madang/web/accounts/util';
import { I18nService, registerMessages } from '@madang/web/i18n';
import { SignInComponent } from './sign-in.component';
import { mapSignInProblem } from './sign-in-errors';

function problem(
  code: ProblemDetails['code'],
  status: number,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return { type: 'about:blank', title: code, status, detail: `server says ${code}`, code, ...extra };
}

const me: MeResponse = {
  id: 'u1',
  email: 'jeju@example.org',
  displayName: '제주',
  locale: 'ko',
  roles: ['resident'],
  permissions: ['self'],
  groups: [],
  approvalNotices: 'each',
};

// The sign-in route provides the accounts messages before the page renders; so does this file.
beforeAll(() => registerMessages(ACCOUNTS_MESSAGES));

describe('mapSignInProblem', () => {
  const form = () =>
    new FormGroup({ email: new FormControl('a@b.org'), password: new FormControl('secret-secret') });

  it('puts server field errors under the matching fields and nothing at form level', () => {
    const f = form();
    const result = mapSignInProblem(
      f,
      problem('validation_failed', 400, {
        errors: [{ field: 'email', code: 'not_email', message: '올바른 이메일 주소가 아닙니다.' }],
      }),
      'ko',
    );
    expect(result).toEqual({ formMessage: null, fields: ['email'] });
    expect(f.controls.email.getError('server')).toBe('올바른 이메일 주소가 아닙니다.');
    expect(f.controls.password.errors).toBeNull();
  });

  it('shows wrong credentials at form level, in the page language', () => {
    expect(mapSignInProblem(form(), problem('invalid_credentials', 401), 'en').formMessage).toBe(
      ERROR_MESSAGES.invalid_credentials.en,
    );
    expect(mapSignInProblem(form(), problem('invalid_credentials', 401), 'ko').formMessage).toBe(
      ERROR_MESSAGES.invalid_credentials.ko,
    );
  });

  it('says how long to wait after too many attempts', () => {
    const result = mapSignInProblem(
      form(),
      problem('too_many_attempts', 429, { retryAfterSeconds: 42 }),
      'en',
    );
    expect(result.formMessage).toBe('Too many sign-in attempts. Try again in 42 seconds.');
  });

  it('still explains a 429 that gives no waiting time', () => {
    const result = mapSignInProblem(form(), problem('too_many_attempts', 429), 'ko');
    expect(result.formMessage).toBe('로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.');
  });

  it('reports an unreachable server rather than a wrong password', () => {
    const result = mapSignInProblem(form(), problem('internal_error', 0), 'en');
    expect(result.formMessage).toContain('could not be reached');
  });

  it('keeps errors for unknown fields visible at form level', () => {
    const result = mapSignInProblem(
      form(),
      problem('validation_failed', 400, {
        errors: [{ field: 'remember', code: 'unknown_field', message: 'Nope.' }],
      }),
      'en',
    );
    expect(result.formMessage).toBe(`${ERROR_MESSAGES.validation_failed.en} Nope.`);
  });
});

describe('SignInComponent', () => {
  let fixture: ComponentFixture<SignInComponent>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.setItem('madang.locale', 'en');
    TestBed.configureTestingModule({
      imports: [SignInComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInComponent);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function fill(email: string, password: string): Promise<void> {
    for (const [id, value] of [
      ['email', email],
      ['password', password],
    ] as const) {
      const input = byTestId(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
  }

  /** Lets the component's promise chain finish, then renders. */
  async function settle(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    (byTestId('sign-in-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('validates on the client and sends nothing while the form is invalid', async () => {
    await fill('not-an-email', '');
    await submit();
    http.expectNone('/api/auth/login');
    expect(byTestId('email-error')?.textContent?.trim()).toBe(
      'Enter a valid e-mail address, such as name@example.org.',
    );
    expect(byTestId('password-error')?.textContent?.trim()).toBe('This field is required.');
  });

  it('shows server field errors under the right field', async () => {
    await fill('someone@example.org', 'whatever-pass');
    await submit();
    http.expectOne('/api/auth/login').flush(
      problem('validation_failed', 400, {
        errors: [{ field: 'password', code: 'too_long', message: 'Must be at most 128 characters.' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('password-error')?.textContent?.trim()).toBe('Must be at most 128 characters.');
    expect(byTestId('email-error')).toBeNull();
    expect(byTestId('form-error')).toBeNull();
  });

  it('shows wrong credentials as an alert', async () => {
    await fill('someone@example.org', 'wrong-password');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(problem('invalid_credentials', 401), { status: 401, statusText: 'Unauthorized' });
    await settle();
    const alert = byTestId('form-error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent?.trim()).toBe(ERROR_MESSAGES.invalid_credentials.en);
  });

  it('takes the waiting time of a 429 from the Retry-After header when the body lacks it', async () => {
    await fill('someone@example.org', 'any-password');
    await submit();
    http.expectOne('/api/auth/login').flush(problem('too_many_attempts', 429), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '60' },
    });
    await settle();
    expect(byTestId('form-error')?.textContent?.trim()).toBe(
      'Too many sign-in attempts. Try again in 60 seconds.',
    );
  });

  it('signs in, adopts the user language and goes home', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    await fill('jeju@example.org', 'correct-password');
    await submit();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ email: 'jeju@example.org', password: 'correct-password' });
    req.flush(me);
    await settle();
    expect(TestBed.inject(AuthService).me()).toEqual(me);
    expect(TestBed.inject(I18nService).locale()).toBe('ko');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('returns to the page the guard came from, but never off-site', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '//evil.example');
    await fill('jeju@example.org', 'correct-password');
    await submit();
    http.expectOne('/api/auth/login').flush(me);
    await settle();
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
