import { Logger } from 'nestjs-pino';
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
 * load is done; then it prints where it is and a token per demo role. The event store is the one
 * EVENT_STORE_URL names (deployment-config.ts), else SQLite in DATA_DIR; `eventStore` replaces it (the crash
 * tests wrap it to kill the process after a chosen append).
 */
export async function runPlatform(options: { readonly eventStore?: EventStoreFactory } = {}): Promise<void> {
  const settings = configFromEnv(process.env);
  const deployment = deploymentConfigFromEnv(process.env);
  const { app, config } = await createPlatformApp({
    ...settings,
    // EVENT_STORE_URL=postgres://… keeps the events, read models, idempotency records, access log and match plans there.
    deployment,
    shutdownHooks: true,
    eventStore: options.eventStore ?? eventStoreFactoryFor(deployment, settings.dataDir),
  });
  const seed = await prepareFirstStartSeed(app, {
    scale: seedScaleFromEnv(process.env.SEED),
    progress: process.stderr.isTTY,
  });
  await app.listen(config.port);
  const url = (await app.getUrl()).replace(/\[::1?\]|127\.0\.0\.1/, 'localhost');
  const logger = app.get(Logger);
  const stores = deployment.postgresUrl ? 'stores in PostgreSQL' : `data in ${config.dataDir}`;
  logger.log(
    `Platform listening on ${url} (${adapterNames(deployment).join(', ')}; ${stores}; docs at ${url}/docs)`,
    'Bootstrap',
  );
  await seed.run();
  const scopes = await findDemoScopes(eventStoreOf(app));
  process.stdout.write(welcomeText(url, config.jwtSecret, scopes));
}

/** Runs the platform as a process: a start-up error is printed and ends it. */
export function runPlatformProcess(options?: Parameters<typeof runPlatform>[0]): void {
  runPlatform(options).catch((error: unknown) => {
    // The logger may not exist yet (bad configuration): stderr is the only safe place.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
