import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, CSRF_HEADER, SESSION_COOKIE } from '@madang/contracts';
import cookieParser from 'cookie-parser';
import { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { answerClientErrors } from './core/client-error';
import type { MadangRequest } from './core/decorators';
import { DomainError } from './core/domain-error';
import { gatedJsonParser, InputGateError, stringGate } from './core/input-gate';
import { documentResponses } from './core/openapi';
import { problemFor } from './core/problem.filter';
import { routesOf } from './core/route-inventory';
import { requestMeta } from './core/request-meta.middleware';
import { requestTimeout } from './core/request-timeout';
import { compressAnswers, noStoreForApi, securityHeaders } from './core/security-headers';
import { createValidationPipe } from './core/validation';
import { servePrecompressedFiles, serveStaticFiles, serveWebApp } from './core/web-app';
import { serveSeoFiles } from './seo/seo-files';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole HTTP application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  answerClientErrors(app.getHttpServer());
  app.disable('x-powered-by');
  const precompressed = servePrecompressedFiles(app, config);
  app.use(compressAnswers());
  serveStaticFiles(app, config);
  app.use(securityHeaders({ https: config.COOKIE_SECURE }));
  app.use(noStoreForApi(API_PREFIX));
  app.use(cookieParser());
  app.use(requestMeta(config.COOKIE_SECURE));
  app.use(requestTimeout(config.REQUEST_TIMEOUT_MS));
  // The input gate: size and depth caps on the raw body, no NUL or lone surrogate anywhere.
  app.use(gatedJsonParser());
  app.use(stringGate());
  // Body-parser and gate failures happen before routing: answer them as problems here.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const e = error as { type?: string };
    const domain =
      error instanceof DomainError
        ? error
        : error instanceof InputGateError
          ? error.issue
          : new DomainError(e.type === 'entity.too.large' ? 'payload_too_large' : 'malformed_request');
    const meta = (req as MadangRequest).meta;
    const problem = problemFor(domain, meta.locale, meta.requestId, req.originalUrl);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const openApi = new DocumentBuilder()
    .setTitle('Madang API')
    .setDescription(
      `Booking and operations platform of the social-innovation centre. Sessions are cookies (\`${SESSION_COOKIE}\`). ` +
        `Every POST, PUT, PATCH and DELETE must send the value of the \`XSRF-TOKEN\` cookie back in the \`${CSRF_HEADER}\` header ` +
        '(GET /api/auth/csrf sets the cookie). Errors are application/problem+json with a stable `code`.',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE)
    .build();
  const routes = routesOf(AppModule.forRoot(config));
  SwaggerModule.setup(
    `${API_PREFIX}/docs`,
    app,
    () => documentResponses(SwaggerModule.createDocument(app, openApi), routes),
    {
      jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    },
  );
  serveSeoFiles(app);
  await serveWebApp(app, config);
  await precompressed;
  return app;
}

/** Runs pending migrations under an advisory lock, so several instances can start together. */
export async function migrate(app: INestApplication): Promise<string[]> {
  const db = app.get(DataSource);
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(774201)');
    const done = await db.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(774201)').catch(() => undefined);
    await runner.release();
  }
}
