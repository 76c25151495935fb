import type { ProbeRequest, ProbeResult } from './probe';

/**
 * What every answer must satisfy, whatever was sent: no 5xx, no hang, every 4xx an
 * application/problem+json with a code (and the field, for a validation problem), and nothing of
 * the server's insides (stack, SQL, file paths, node_modules) in any body.
 */
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|\n\s+at [\w$.<>]+ \(/],
  ['node_modules path', /node_modules/],
  ['file path', /(?:\/(?:work|home|root|usr|tmp|var|opt|srv|app)\/[\w.-]+\/)|[\w-]+\.(?:ts|js|mjs):\d+/],
  [
    'SQL',
    /\b(?:SELECT\s[\s\S]{1,200}\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b|QueryFailedError|syntax error at or near|violates (?:exclusion|foreign key|check|unique) constraint|invalid input syntax for|relation "\w+" does not exist/i,
  ],
  ['exception name', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError): /],
];

export interface Violation {
  /** A short stable name: the class of the failure. */
  kind: string;
  detail: string;
}

export function checkAnswer(req: ProbeRequest, res: ProbeResult, opts: { maxMs?: number } = {}): Violation[] {
  const out: Violation[] = [];
  if (res.error) {
    out.push({
      kind: /timeout|abort/i.test(res.error) ? 'no answer (stall)' : 'connection failed',
      detail: res.error,
    });
    return out;
  }
  if (res.status >= 500) out.push({ kind: `${res.status}`, detail: res.text.slice(0, 300) });
  if (opts.maxMs !== undefined && res.ms > opts.maxMs)
    out.push({ kind: 'slow answer', detail: `${res.ms.toFixed(0)} ms > ${opts.maxMs} ms` });
  if (res.status >= 400) {
    const problem = res.json as
      | { code?: unknown; status?: unknown; errors?: { field?: unknown }[] }
      | undefined;
    if (!res.contentType.includes('application/problem+json'))
      out.push({ kind: 'not problem+json', detail: `content-type ${res.contentType || '(none)'}` });
    else if (!problem || typeof problem.code !== 'string' || problem.code === '')
      out.push({ kind: 'problem without code', detail: res.text.slice(0, 200) });
    else {
      if (problem.status !== res.status)
        out.push({
          kind: 'problem status mismatch',
          detail: `body ${String(problem.status)} vs HTTP ${res.status}`,
        });
      if (
        problem.code === 'validation_failed' &&
        (!Array.isArray(problem.errors) ||
          problem.errors.length === 0 ||
          problem.errors.some((e) => typeof e.field !== 'string' || e.field === ''))
      )
        out.push({ kind: 'validation problem without field', detail: res.text.slice(0, 200) });
    }
  }
  let url = req.url;
  try {
    url += `\n${decodeURIComponent(req.url)}`;
  } catch {
    // a deliberately malformed escape: compare with the raw URL only
  }
  const sent = `${url}\n${req.body ?? ''}`;
  for (const [kind, pattern] of LEAKS) {
    const match = pattern.exec(res.text);
    // Text the client itself sent and the API stored may come back; only what it did not send is a leak.
    if (match && !sent.includes(match[0]) && !sent.includes(JSON.stringify(match[0]).slice(1, -1)))
      out.push({
        kind: `leaks ${kind}`,
        detail: res.text.slice(Math.max(0, match.index - 80), match.index + 120),
      });
  }
  return out;
}
