import { CSRF_COOKIE, MeResponse, ProblemDetails, SESSION_COOKIE, SessionResponse } from '@madang/contracts';
import { startTestApp, TestApp } from '../test/test-app';

describe('accounts and sessions (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers a resident, signs them in, and answers "me"', async () => {
    const client = t.client();
    const created = await client.post<MeResponse>('/api/auth/register', {
      email: 'Jiwoo@Example.kr',
      password: 'a walk by the sea 9',
      displayName: '김지우',
      locale: 'ko',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'Jiwoo@Example.kr',
      displayName: '김지우',
      locale: 'ko',
      roles: ['resident'],
    });
    expect(created.body.permissions).toContain('bookings:create');
    expect(created.body).not.toHaveProperty('passwordHash');
    const cookie = created.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await client.get<MeResponse>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(created.body.id);

    const audit = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toEqual([
      { action: 'user.registered', after: expect.objectContaining({ email: 'Jiwoo@Example.kr' }) },
    ]);
  });

  it('refuses a second account for the same e-mail in any letter case (409)', async () => {
    await t.client().register('dup@example.kr');
    const again = await t.client().post('/api/auth/register', {
      email: 'DUP@example.kr',
      password: 'another long secret',
      displayName: 'Dup',
      locale: 'en',
    });
    expect(again.status).toBe(409);
    expect(again.problem.code).toBe('email_taken');
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email_normalized = 'dup@example.kr'`),
    ).toEqual([{ n: 1 }]);
  });

  it.each([
    ['short', 'too_short', '10자 이상'],
    ['x'.repeat(129), 'too_long', '128자 이하'],
    ['1234567890', 'password_too_common', '흔한 비밀번호'],
    ['qwertyuiop', 'password_too_common', '흔한 비밀번호'],
    ['aaaaaaaaaaaa', 'password_too_common', '흔한 비밀번호'],
  ])('refuses password %j with a field error in Korean', async (password, code, words) => {
    const result = await t.client('ko').post('/api/auth/register', {
      email: `weak-${code}-${password.length}@example.kr`,
      password,
      displayName: 'Weak',
      locale: 'ko',
    });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.problem.code).toBe('validation_failed');
    expect(result.problem.errors).toEqual([expect.objectContaining({ field: 'password', code })]);
    expect(result.problem.errors?.[0].message).toContain(words);
  });

  it('accepts a 64-character password', async () => {
    const client = t.client();
    await client.register('long@example.kr', 'Long', 'L'.repeat(30) + 'o'.repeat(22) + 'ng-password!');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('names every bad field in English, and rejects unknown fields', async () => {
    const result = await t.client('en').post('/api/auth/register', {
      email: 'not-an-email',
      password: 42,
      locale: 'fr',
      isAdmin: true,
    });
    expect(result.status).toBe(400);
    const fields = Object.fromEntries((result.problem.errors ?? []).map((e) => [e.field, e]));
    expect(fields['email'].code).toBe('not_email');
    expect(fields['password'].code).toBe('not_string');
    expect(fields['displayName'].code).toBe('required');
    expect(fields['locale']).toMatchObject({ code: 'not_in', message: 'Must be one of: ko, en' });
    expect(fields['isAdmin'].code).toBe('unknown_field');
    expect(result.problem.detail).toBe('Please check the values you entered.');
  });

  it('answers malformed JSON and wrong content with 4xx problems, never 5xx', async () => {
    const client = t.client('en');
    const broken = await client.request('POST', '/api/auth/login', undefined, { raw: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(broken.problem.code).toBe('malformed_request');
    const huge = await client.request('POST', '/api/auth/login', undefined, {
      raw: JSON.stringify({ email: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const array = await client.post('/api/auth/login', [1, 2, 3]);
    expect(array.status).toBe(400);
    const unknownRoute = await client.get('/api/no-such-thing');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.problem.code).toBe('not_found');
  });

  it('signs in, rotates the session on every sign-in, and signs out for real', async () => {
    const client = t.client();
    await client.register('rotate@example.kr', 'Rotate', 'rotating secret 1');
    const first = client.cookie(SESSION_COOKIE);
    await client.login('rotate@example.kr', 'rotating secret 1');
    const second = client.cookie(SESSION_COOKIE);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = t.client();
    stale.setCookie(SESSION_COOKIE, first);
    expect((await stale.get('/api/auth/me')).status).toBe(401);

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    const replay = t.client();
    replay.setCookie(SESSION_COOKIE, second);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('says "wrong e-mail or password" the same way for unknown accounts and wrong passwords', async () => {
    await t.client().register('known@example.kr', 'Known', 'the right secret');
    const wrong = await t
      .client('en')
      .post('/api/auth/login', { email: 'known@example.kr', password: 'the wrong secret' });
    const unknown = await t
      .client('en')
      .post('/api/auth/login', { email: 'nobody@example.kr', password: 'the wrong secret' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.problem.detail).toBe(unknown.problem.detail);
    expect(wrong.problem.code).toBe('invalid_credentials');
  });

  it('throttles repeated failures per account with 429 and Retry-After', async () => {
    await t.client().register('target@example.kr', 'Target', 'target secret 123');
    const attacker = t.client('en');
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        (
          await attacker.post('/api/auth/login', {
            email: 'target@example.kr',
            password: `guess number ${i}`,
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/login', {
      email: 'target@example.kr',
      password: 'target secret 123',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.problem.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.problem.detail).toMatch(/Try again in \d+ seconds/);
    // Another account from the same address is not locked by this one's failures.
    await t.client().register('other@example.kr', 'Other', 'other secret 123');
    expect(
      (await attacker.post('/api/auth/login', { email: 'other@example.kr', password: 'other secret 123' }))
        .status,
    ).toBe(200);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const idle = t.client();
    const idleUser = await idle.register('idle@example.kr', 'Idle', 'idle secret 1234');
    await t.db.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2 + 1) WHERE user_id = $1`,
      [idleUser.id, t.config.SESSION_IDLE_MINUTES],
    );
    expect((await idle.get('/api/auth/me')).status).toBe(401);

    const old = t.client();
    const oldUser = await old.register('old@example.kr', 'Old', 'old secret 12345');
    await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      oldUser.id,
    ]);
    expect((await old.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses unsafe requests without the CSRF header (403) and with a forged one', async () => {
    const client = t.client('en');
    await client.get('/api/auth/csrf');
    expect(client.cookie(CSRF_COOKIE)).toBeTruthy();
    const none = await client.post('/api/auth/login', { email: 'a@b.kr', password: 'x' }, { csrf: false });
    expect(none.status).toBe(403);
    expect(none.problem.code).toBe('csrf_failed');
    const forged = await client.post(
      '/api/auth/login',
      { email: 'a@b.kr', password: 'x' },
      { csrf: false, headers: { 'X-XSRF-TOKEN': 'forged' } },
    );
    expect(forged.status).toBe(403);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const laptop = t.client();
    await laptop.register('change@example.kr', 'Change', 'first secret 123');
    const phone = t.client();
    await phone.login('change@example.kr', 'first secret 123');

    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'second secret 456',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.problem.code).toBe('wrong_current_password');

    expect(
      (
        await laptop.post('/api/auth/password', {
          currentPassword: 'first secret 123',
          newPassword: 'second secret 456',
        })
      ).status,
    ).toBe(204);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/auth/login', { email: 'change@example.kr', password: 'first secret 123' }))
        .status,
    ).toBe(401);
    expect(
      (
        await t
          .client()
          .post('/api/auth/login', { email: 'change@example.kr', password: 'second secret 456' })
      ).status,
    ).toBe(200);
  });

  it('remembers the language per user and speaks it in errors', async () => {
    const client = t.client('ko');
    await client.register('lang@example.kr', 'Lang', 'language secret 1');
    const updated = await client.patch<MeResponse>('/api/auth/me', { locale: 'en' });
    expect(updated.body.locale).toBe('en');
    // Without Accept-Language the saved language speaks; an explicit Accept-Language wins.
    const saved = await client.request('PATCH', '/api/auth/me', { locale: 'de' }, { language: '' });
    expect((saved.body as ProblemDetails).detail).toBe('Please check the values you entered.');
    const asked = await client.request('PATCH', '/api/auth/me', { locale: 'de' }, { language: 'ko-KR' });
    expect((asked.body as ProblemDetails).detail).toBe('입력한 값을 확인해 주세요.');
  });

  it('needs a session for "me" (401 problem)', async () => {
    const result = await t.client('en').get('/api/auth/me');
    expect(result.status).toBe(401);
    expect(result.problem).toMatchObject({ code: 'unauthenticated', status: 401, detail: 'Please sign in.' });
  });

  it('answers "session" with 200 for everyone: the user when signed in, else null, never cached', async () => {
    const anonymous = await t.client().get<SessionResponse>('/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });
    expect(anonymous.headers.get('cache-control')).toContain('no-store');

    const client = t.client();
    const created = await client.register('session@example.kr', 'Session', 'a session secret 7');
    const signedIn = await client.get<SessionResponse>('/api/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toEqual((await client.get<MeResponse>('/api/auth/me')).body);
    expect(signedIn.body.user?.id).toBe(created.id);

    const expired = t.client();
    expired.setCookie(SESSION_COOKIE, 'not-a-session');
    expect((await expired.get<SessionResponse>('/api/auth/session')).body).toEqual({ user: null });

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get<SessionResponse>('/api/auth/session')).body).toEqual({ user: null });
  });
});
