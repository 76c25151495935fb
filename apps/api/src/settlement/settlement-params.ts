import { Injectable, PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, invalidField } from '../core/domain-error';

/** Parses an integer path parameter within bounds; anything else is a 400 naming the parameter. */
@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly field: string,
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: string): number {
    if (!/^\d+$/.test(value)) throw invalidField(this.field, 'not_integer');
    const n = Number(value);
    if (n < this.min) throw invalidField(this.field, 'too_small', { min: this.min });
    if (n > this.max) throw invalidField(this.field, 'too_large', { max: this.max });
    return n;
  }
}

export const yearPipe = () => new IntParamPipe('year', 2000, 2100);
export const monthPipe = () => new IntParamPipe('month', 1, 12);

/** The largest statement file accepted (a year of a busy account is well under 5 MB). */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Reads an uploaded file sent as the raw request body (not JSON: the JSON parser caps at 1 MB). */
export async function readFileBody(req: Request, limit = MAX_STATEMENT_BYTES): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!FILE_TYPES.includes(type)) throw new DomainError('unsupported_media_type');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DomainError('payload_too_large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
