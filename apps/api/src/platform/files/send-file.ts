import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentDisposition } from './file-names';

export interface SendableFile {
  name: string;
  /** Full Content-Type value, e.g. `text/csv; charset=utf-8`. */
  mediaType: string;
  size?: number;
  stream: Readable;
  /** `inline` lets a browser show an image or PDF in place; downloads are the default. */
  disposition?: 'attachment' | 'inline';
  /**
   * `public` for files anyone may read, such as catalogue photos: a file's bytes never change
   * under its id, so shared caches may keep it. Everything else is private.
   */
  cache?: 'private' | 'public';
}

/**
 * Streams a file to the client as a download: its type, the name in RFC 5987 form (Korean kept),
 * `nosniff`, and private caching only. If the stream fails after the headers left, the
 * connection is cut so the client never mistakes a truncated file for a whole one.
 */
export async function sendFile(res: Response, file: SendableFile): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Disposition', contentDisposition(file.name, file.disposition ?? 'attachment'));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader(
    'Cache-Control',
    file.cache === 'public' ? 'public, max-age=86400, immutable' : 'private, no-cache',
  );
  if (file.size !== undefined) res.setHeader('Content-Length', String(file.size));
  try {
    await pipeline(file.stream, res);
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy(error instanceof Error ? error : undefined);
  }
}
