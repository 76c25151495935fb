import { CSRF_COOKIE, CSRF_HEADER, ProblemDetails } from '@madang/contracts';

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** The body as problem details, for error answers. */
  problem: ProblemDetails;
}

/**
 * A test client that behaves like a browser towards the Madang API: it keeps cookies,
 * and echoes the CSRF cookie in the X-XSRF-TOKEN header on unsafe requests.
 */
export class MadangClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly language = 'ko',
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string | undefined): void {
    if (value === undefined) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { headers?: Record<string, string>; raw?: string; csrf?: boolean; language?: string } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {
      'accept-language': options.language ?? this.language,
      ...options.headers,
    };
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && options.csrf !== false) {
      if (!this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/auth/csrf');
      headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) ?? '';
    }
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined = options.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    } else if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = decodeURIComponent(pair.slice(index + 1).trim());
      const expired = attributes.some(
        (a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = text && type.includes('json') ? (JSON.parse(text) as T) : (text as unknown as T);
    return {
      status: response.status,
      headers: response.headers,
      body: parsed,
      problem: parsed as unknown as ProblemDetails,
    };
  }

  get<T = unknown>(path: string, options?: { language?: string }) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = unknown>(
    path: string,
    body?: unknown,
    options?: { csrf?: boolean; language?: string; headers?: Record<string, string> },
  ) {
    return this.request<T>('POST', path, body, options);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Registers and stays signed in; returns the new account. */
  async register(
    email: string,
    displayName = 'Test Resident',
    password = 'correct horse battery',
    locale = 'ko',
  ) {
    const result = await this.post<{ id: string }>('/api/auth/register', {
      email,
      password,
      displayName,
      locale,
    });
    if (result.status !== 201)
      throw new Error(`register ${email} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  async login(email: string, password: string) {
    const result = await this.post<{ id: string }>('/api/auth/login', { email, password });
    if (result.status !== 200)
      throw new Error(`login ${email} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }
}
