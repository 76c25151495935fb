import { negotiateLocale } from '@madang/contracts';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError } from './domain-error';
import { problemFor } from './problem.filter';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over the 16 KB
 * limit, bytes that are not HTTP) get the same problem+json as everything else instead of Node's
 * bare status line: 431 `headers_too_large` or 400 `malformed_request`. A client that was too slow
 * to send its headers, or already went away, is simply disconnected.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    const writable = socket.writable && !(socket as Duplex & { _httpMessage?: unknown })._httpMessage;
    if (!writable || error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.destroy();
      return;
    }
    const domain = new DomainError(
      error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'malformed_request',
    );
    const problem = problemFor(domain, negotiateLocale(undefined), randomUUID());
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
