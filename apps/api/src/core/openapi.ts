import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, FIELD_ERROR_CODES, type ErrorCode } from '@madang/contracts';
import { statusFor } from './domain-error';
import type { RouteInfo } from './route-inventory';

type Operation = {
  responses?: Record<string, { description?: string; content?: unknown }>;
  requestBody?: unknown;
  [key: string]: unknown;
};
type Schema = Record<string, unknown>;

const PROBLEM = 'ProblemDetails';
const PROBLEM_MEDIA = 'application/problem+json';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** RFC 9457 problem details as every Madang error is sent, with the closed list of codes. */
const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://madang.local/problems/not-found' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'In the language of Accept-Language (ko or en).' },
    code: { type: 'string', enum: [...ERROR_CODES], description: 'Stable; clients branch on it.' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Per field, for validation_failed (and a field-level conflict).',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', example: 'items.0.assetId' },
          code: { type: 'string', enum: [...FIELD_ERROR_CODES] },
          message: { type: 'string' },
        },
      },
    },
  },
  additionalProperties: {
    description: 'Code-specific facts, e.g. violations, conflicts, retryAfterSeconds.',
  },
};

/** The error codes an operation can answer, by what kind of route it is. */
function codesOf(route: RouteInfo, hasPathParams: boolean): ErrorCode[] {
  const codes = new Set<ErrorCode>(['validation_failed', 'malformed_request', 'internal_error']);
  if (!route.isPublic) ['unauthenticated', 'forbidden'].forEach((c) => codes.add(c as ErrorCode));
  if (hasPathParams) codes.add('not_found');
  if (UNSAFE.has(route.method)) {
    ['csrf_failed', 'payload_too_large', 'unsupported_media_type'].forEach((c) => codes.add(c as ErrorCode));
    if (!route.isPublic)
      ['conflict', 'state_conflict', 'slot_taken', 'rule_violation', 'idempotency_key_reused'].forEach((c) =>
        codes.add(c as ErrorCode),
      );
    if (!route.isPublic && route.path.startsWith('/api/settlement/')) codes.add('settlement_rule');
    if (
      !route.isPublic &&
      (route.path.startsWith('/api/labs/') || route.path.startsWith('/api/observations'))
    )
      codes.add('lab_rule');
  }
  if (route.path === '/api/ready') codes.add('service_unavailable');
  if (route.path.startsWith('/api/auth/')) {
    ['invalid_credentials', 'too_many_attempts', 'email_taken', 'wrong_current_password'].forEach((c) =>
      codes.add(c as ErrorCode),
    );
  }
  return ERROR_CODES.filter((c) => codes.has(c));
}

/**
 * Adds to every operation its error responses (problem+json, each status with the codes it may carry)
 * and makes sure each names its success response. The routes come from the controllers' metadata.
 */
export function documentResponses(document: OpenAPIObject, routes: RouteInfo[]): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM] = problemSchema;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      const route = routes.find((r) => r.path === path && r.method === method.toUpperCase());
      if (!route || typeof value !== 'object') continue;
      const responses = (value.responses ??= {});
      for (const [status, response] of Object.entries(responses)) {
        if (/^2\d\d$/.test(status) && !response.description)
          response.description = status === '204' ? 'Done; no content.' : 'Success.';
      }
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of codesOf(route, path.includes('{')))
        byStatus.set(statusFor(code), [...(byStatus.get(statusFor(code)) ?? []), code]);
      for (const [status, codes] of byStatus) {
        responses[String(status)] = {
          description: `Problem: ${codes.join(', ')}`,
          content: {
            [PROBLEM_MEDIA]: {
              schema: {
                allOf: [
                  { $ref: `#/components/schemas/${PROBLEM}` },
                  { type: 'object', properties: { code: { type: 'string', enum: codes } } },
                ],
              },
            },
          },
        };
      }
    }
  }
  return document;
}
