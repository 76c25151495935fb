import type { FieldErrorCode } from '@madang/contracts';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from './domain-error';

/**
 * The one gate every request passes before validation: a body size cap, a JSON depth cap checked on
 * the raw text before `JSON.parse` runs (so a body nested thousands of levels deep never reaches a
 * recursive parser or validator), and no NUL characters or lone UTF-16 surrogates in any string,
 * object key or query value (PostgreSQL refuses NUL in text, and a lone surrogate cannot be stored
 * as UTF-8), and no list longer than MAX_ARRAY_ITEMS. A refusal is a 400 problem naming the field by its dotted path (`items.0.assetId`).
 */
export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_BYTES = '1mb';
/**
 * No list a client sends is longer (the DTOs cap theirs far lower): anything longer is refused here,
 * before transformation and validation walk it element by element.
 */
export const MAX_ARRAY_ITEMS = 1000;

/** A gate refusal raised inside body-parser's `verify` hook; the error handler turns it into a problem. */
export class InputGateError extends Error {
  readonly type = 'madang.input.gate';
  constructor(readonly issue: DomainError) {
    super('input refused by the gate');
  }
}

/**
 * Depth of the deepest array/object in JSON text, stopping as soon as `max` is passed. A linear scan
 * that skips string contents (escapes included); it neither recurses nor allocates.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string, if anything. */
export function stringIssue(value: string): FieldErrorCode | null {
  if (value.includes('\u0000')) return 'nul_character';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  return null;
}

/**
 * Every bad string or key, and every list over MAX_ARRAY_ITEMS (not walked), in a parsed JSON value
 * (or a parsed query), by dotted path. Iterative with
 * an explicit stack, so even an unexpectedly deep value cannot overflow the call stack.
 */
export function findBadStrings(
  root: unknown,
  rootPath = '',
): { field: string; code: FieldErrorCode; params?: Record<string, number> }[] {
  const found: { field: string; code: FieldErrorCode; params?: Record<string, number> }[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: root, path: rootPath }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0 && found.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      const code = stringIssue(value);
      if (code) found.push({ field: path || 'body', code });
    } else if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_ITEMS)
        found.push({ field: path || 'body', code: 'too_many', params: { max: MAX_ARRAY_ITEMS } });
      else value.forEach((item, i) => stack.push({ value: item, path: join(path, String(i)) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const keyIssue = stringIssue(key);
        // A bad key is named by its parent: the key itself cannot be shown safely.
        if (keyIssue) found.push({ field: path || 'body', code: keyIssue });
        else stack.push({ value: item, path: join(path, key) });
      }
    }
  }
  return found.reverse();
}

const refuse = (issues: { field: string; code: FieldErrorCode; params?: Record<string, number> }[]) =>
  new DomainError('validation_failed', {}, {}, issues);

/** express.json with the size cap and the depth check on the raw bytes, before parsing. */
export function gatedJsonParser(): RequestHandler {
  return express.json({
    limit: JSON_MAX_BYTES,
    type: ['application/json', 'application/*+json'],
    verify: (_req: IncomingMessage, _res: ServerResponse, buf: Buffer) => {
      if (jsonDepthExceeds(buf.toString('utf8'), JSON_MAX_DEPTH)) {
        throw new InputGateError(
          refuse([{ field: 'body', code: 'too_deep', params: { max: JSON_MAX_DEPTH } }]),
        );
      }
    },
  });
}

/** After parsing: no NUL or lone surrogate in the body (keys and values) or the query string. */
export function stringGate(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const issues = [...findBadStrings(req.query ?? {}), ...findBadStrings(req.body ?? {})];
    if (issues.length > 0) return next(refuse(issues));
    // The path too: `%00` in a route parameter would otherwise reach a query.
    let path = req.path;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next(new DomainError('malformed_request'));
    }
    if (stringIssue(path))
      return next(refuse([{ field: 'path', code: stringIssue(path) as FieldErrorCode }]));
    next();
  };
}
