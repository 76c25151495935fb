import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@madang/contracts';
import { MadangClient } from '@madang/testing';

/** The roles every harness tier plays; the demo centre has an account for each. */
export const ROLES = ['anonymous', 'residentA', 'residentB', 'approver', 'operations', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];
export const DEMO_PASSWORD = 'madang-demo';
export const ROLE_ACCOUNTS: Readonly<Record<Exclude<RoleName, 'anonymous'>, string>> = {
  residentA: 'resident@madang.local',
  residentB: 'resident2@madang.local',
  approver: 'approver@madang.local',
  operations: 'operations@madang.local',
  admin: 'admin@madang.local',
};

/** One request exactly as it goes on the wire (the body is raw text, so it can be anything). */
export interface ProbeRequest {
  method: string;
  /** Path and query string, already encoded as it should be sent. */
  url: string;
  body?: string;
  /** A multipart body instead (fetch sets the boundary). */
  form?: FormData;
  /** A raw binary body instead (a file upload as a browser or script sends it). */
  bytes?: Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send the CSRF header on unsafe methods (default true). */
  csrf?: boolean;
}

export interface ProbeResult {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  ms: number;
  /** Set when no HTTP answer came back (timeout, reset). */
  error?: string;
}

/** Renders a request for a failure message, so it can be replayed by hand with curl. */
export function describeRequest(role: RoleName, req: ProbeRequest, max = 400): string {
  const body =
    req.bytes !== undefined
      ? ` bytes(${req.bytes.length})=${clip(Buffer.from(req.bytes.subarray(0, max)).toString('hex'), max)}`
      : req.body === undefined
        ? ''
        : ` body(${req.body.length} chars)=${clip(req.body, max)}`;
  return `[${role}] ${req.method} ${clip(req.url, max)}${body}`;
}

export function clip(text: string, max: number): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return shown.slice(1, -1);
}

/**
 * A signed-in (or anonymous) browser-like session: its cookies come from MadangClient's sign-in;
 * requests go out raw through fetch with a timeout, and the answer is kept as text and JSON.
 */
export class ProbeSession {
  constructor(
    readonly role: RoleName,
    public baseUrl: string,
    private readonly cookies: ReadonlyMap<string, string>,
  ) {}

  static async open(baseUrl: string, role: RoleName): Promise<ProbeSession> {
    const client = new MadangClient(baseUrl, 'en');
    if (role === 'anonymous') await client.get('/api/auth/csrf');
    else await client.login(ROLE_ACCOUNTS[role], DEMO_PASSWORD);
    const cookies = new Map<string, string>();
    for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
      const value = client.cookie(name);
      if (value !== undefined) cookies.set(name, value);
    }
    return new ProbeSession(role, baseUrl, cookies);
  }

  get csrfToken(): string {
    return this.cookies.get(CSRF_COOKIE) ?? '';
  }

  async send(req: ProbeRequest, timeoutMs = 10_000): Promise<ProbeResult> {
    const headers: Record<string, string> = { 'accept-language': 'en', ...req.headers };
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.csrf !== false)
      headers[CSRF_HEADER] = this.csrfToken;
    if (req.body !== undefined || req.bytes !== undefined)
      headers['content-type'] = req.contentType ?? 'application/json';
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${req.url}`, {
        method: req.method,
        headers,
        body: req.form ?? (req.bytes ? new Uint8Array(req.bytes) : req.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const contentType = response.headers.get('content-type') ?? '';
      let json: unknown = undefined;
      if (contentType.includes('json') && text) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      return { status: response.status, contentType, text, json, ms: performance.now() - started };
    } catch (error) {
      const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        status: 0,
        contentType: '',
        text: '',
        json: undefined,
        ms: performance.now() - started,
        error: name,
      };
    }
  }
}

/** Signs every role in once. */
export async function openSessions(baseUrl: string): Promise<Record<RoleName, ProbeSession>> {
  const entries = await Promise.all(
    ROLES.map(async (role) => [role, await ProbeSession.open(baseUrl, role)] as const),
  );
  return Object.fromEntries(entries) as Record<RoleName, ProbeSession>;
}

/** Polls /api/ready every `everyMs` while running, recording how long each answer took. */
export class ReadyWatch {
  readonly samples: { at: number; ms: number; status: number }[] = [];
  private running = true;
  private loop: Promise<void>;

  constructor(
    private readonly session: ProbeSession,
    everyMs = 200,
    private readonly timeoutMs = 5_000,
  ) {
    this.loop = (async () => {
      while (this.running) {
        const result = await this.session.send({ method: 'GET', url: '/api/ready' }, this.timeoutMs);
        this.samples.push({
          at: Date.now(),
          ms: result.error ? this.timeoutMs : result.ms,
          status: result.status,
        });
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
  }

  async stop(): Promise<{ count: number; worstMs: number; failed: number }> {
    this.running = false;
    await this.loop;
    return {
      count: this.samples.length,
      worstMs: Math.max(0, ...this.samples.map((s) => s.ms)),
      failed: this.samples.filter((s) => s.status !== 200).length,
    };
  }
}
