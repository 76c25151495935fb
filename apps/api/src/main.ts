import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { createApp, migrate } from './app.setup';
import { AppConfig, ConfigValidationError, loadConfig } from './config/app-config';
import { trackConnections } from './core/graceful-shutdown';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from './demo/demo-seeder';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`Madang cannot start. ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  if (process.argv.includes('--check-config')) return;

  const app = await createApp(config);
  const logger = new Logger('Madang');
  const drain = trackConnections(app.getHttpServer());
  const applied = await migrate(app);
  if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
  if (config.MADANG_DEMO) await app.get(DemoSeeder).seed();

  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      console.error(
        code === 'EADDRINUSE'
          ? `Madang cannot start: port ${config.PORT} is already in use. Set PORT to a free port (e.g. PORT=3001).`
          : `Madang cannot start: no permission to listen on port ${config.PORT}. Set PORT to a port above 1024.`,
      );
      await app.close();
      process.exit(98);
    }
    throw error;
  }
  stopGracefully(app, config, drain, logger);
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const lines = [`Madang is running at http://${shown}:${config.PORT}/  (API: /api, docs: /api/docs)`];
  lines.push(
    config.SMTP_URL
      ? `E-mail: sent through ${new URL(config.SMTP_URL).host} from ${config.MAIL_FROM}`
      : 'E-mail: off (SMTP_URL not set). Notifications are shown in the app only; those written now will not be e-mailed later.',
  );
  if (config.MADANG_DEMO) {
    lines.push(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(`  ${account.email.padEnd(26)} ${account.roles.join(', ')}`);
  }
  console.log(lines.join('\n'));
}

/**
 * SIGTERM/SIGINT: refuse new connections, let accepted requests finish (SHUTDOWN_DRAIN_MS at most),
 * then close the application — jobs, exports, mail and, last, the database pool.
 */
function stopGracefully(
  app: INestApplication,
  config: AppConfig,
  drain: ReturnType<typeof trackConnections>,
  logger: Logger,
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(
      `${signal}: refusing new connections, finishing accepted requests (≤ ${config.SHUTDOWN_DRAIN_MS} ms)`,
    );
    const drained = await drain(config.SHUTDOWN_DRAIN_MS);
    if (!drained.finished)
      logger.warn(`${drained.closedEarly} connection(s) still busy after the drain were closed`);
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}

main().catch((error) => {
  console.error('Madang failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
