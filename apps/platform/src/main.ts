import { Logger } from 'nestjs-pino';
import { configFromEnv } from './config/platform-config';
import { createPlatformApp } from './create-platform-app';

/** `npm start`: the all-in-one platform on PORT (3000), keeping its files in DATA_DIR (./data). */
async function main(): Promise<void> {
  const { app, config } = await createPlatformApp({ ...configFromEnv(process.env), shutdownHooks: true });
  await app.listen(config.port);
  const url = (await app.getUrl()).replace(/\[::1?\]|127\.0\.0\.1/, 'localhost');
  const message = `Platform listening on ${url} (data in ${config.dataDir}; docs at ${url}/docs)`;
  app.get(Logger).log(message, 'Bootstrap');
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad configuration): stderr is the only safe place.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
