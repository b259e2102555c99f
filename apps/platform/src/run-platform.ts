import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { applicationLogger, type LogLevel } from '@lib/http';
import { configFromEnv } from './config/platform-config';
import { deploymentConfigFromEnv } from './config/deployment-config';
import { createPlatformApp } from './create-platform-app';
import { adapterNames, eventStoreFactoryFor } from './event-store/event-store-from-env';
import type { EventStoreFactory } from './event-store/event-store.module';
import { prepareFirstStartSeed, seedScaleFromEnv } from './seeding/first-start-seed';
import { eventStoreOf } from './seeding/seed-platform';
import { findDemoScopes, welcomeText } from './seeding/welcome';

/**
 * The all-in-one platform on PORT (3000), keeping its files in DATA_DIR (./data). On the first start (empty
 * event store) it loads the demo seed (SEED=none skips it) while already listening, with /ready down until the
 * load is done; then it prints where it is and a token per demo role: the last thing it prints at start,
 * after every start-up log line, so the `export` lines are found at the bottom of the terminal. SIGTERM or
 * SIGINT (Ctrl-C) closes it and logs one line that it stopped. The event store is the one EVENT_STORE_URL names
 * (deployment-config.ts), else SQLite in DATA_DIR; `eventStore` replaces it (the crash tests wrap it to kill
 * the process after a chosen append).
 */
export async function runPlatform(options: { readonly eventStore?: EventStoreFactory } = {}): Promise<void> {
  const settings = configFromEnv(process.env);
  const deployment = deploymentConfigFromEnv(process.env);
  const { app, config } = await createPlatformApp({
    ...settings,
    // EVENT_STORE_URL=postgres://… keeps the events, read models, idempotency records, access log and match plans there.
    deployment,
    // Our own signal handlers (below), so the stop is said once it is done.
    shutdownHooks: false,
    eventStore: options.eventStore ?? eventStoreFactoryFor(deployment, settings.dataDir),
  });
  const seed = await prepareFirstStartSeed(app, {
    scale: seedScaleFromEnv(process.env.SEED),
    progress: process.stderr.isTTY,
  });
  await app.listen(config.port);
  const url = (await app.getUrl()).replace(/\[::1?\]|127\.0\.0\.1/, 'localhost');
  const logger = app.get(Logger);
  const flushLogs = logFlusher(config.logLevel);
  stopOnSignals(app, logger, flushLogs);
  const stores = deployment.postgresUrl ? 'stores in PostgreSQL' : `data in ${config.dataDir}`;
  logger.log(
    `Platform listening on ${url} (${adapterNames(deployment).join(', ')}; ${stores}; docs at ${url}/docs)`,
    'Bootstrap',
  );
  await seed.run();
  const scopes = await findDemoScopes(eventStoreOf(app));
  const welcome = welcomeText(url, config.jwtSecret, scopes);
  // The log lines before it are written asynchronously: let them out first, so the welcome comes last.
  await flushLogs();
  process.stdout.write(welcome);
}

/**
 * Resolves once the log lines written so far have left the process (pino writes them asynchronously); the
 * application's and the request log's loggers share one destination.
 */
const logFlusher = (level: LogLevel) => (): Promise<void> =>
  new Promise((resolve) => applicationLogger(level).flush(() => setImmediate(resolve)));

/**
 * On the first SIGTERM or SIGINT: closes the application (its shutdown hooks, the stores), logs that it
 * stopped, and exits 0 (a failed close exits 1). A second signal while closing exits at once.
 */
function stopOnSignals(app: INestApplication, logger: Logger, flushLogs: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    app.close().then(
      async () => {
        logger.log(`Platform stopped (${signal})`, 'Bootstrap');
        await flushLogs();
        process.exit(0);
      },
      async (error: unknown) => {
        logger.error(`Platform stopped (${signal}) with an error: ${String(error)}`, 'Bootstrap');
        await flushLogs();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop).on('SIGINT', stop);
}

/** Runs the platform as a process: a start-up error is printed and ends it. */
export function runPlatformProcess(options?: Parameters<typeof runPlatform>[0]): void {
  runPlatform(options).catch((error: unknown) => {
    // The logger may not exist yet (bad configuration): stderr is the only safe place.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
