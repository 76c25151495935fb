import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RETRY_AFTER_SECONDS } from './database-unavailable';
import type { MadangRequest } from './decorators';
import { DomainError } from './domain-error';
import { problemFor } from './problem.filter';

/**
 * A request still unanswered after `ms` is answered 503 with Retry-After instead of hanging; the
 * handler's late answer is dropped. One concise log line per timeout, no stack.
 */
export function requestTimeout(ms: number) {
  const logger = new Logger('Timeout');
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const meta = (req as MadangRequest).meta;
      logger.warn(`${req.method} ${req.originalUrl} [${meta?.requestId}] unanswered after ${ms} ms: 503`);
      const problem = problemFor(
        new DomainError('service_unavailable'),
        meta?.locale ?? 'ko',
        meta?.requestId,
        req.originalUrl,
      );
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.setHeader('Connection', 'close');
      res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
