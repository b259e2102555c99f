import { mkdirSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { pinoHttp } from 'pino-http';
import { bigintReplacer, bodyParserErrorMapper, correlationMiddleware, httpLoggerOptions } from '@lib/http';
import { PlatformModule, type ModuleImport } from '../app.module';
import { setupOpenApi } from '../docs/openapi.setup';
import { eventStoreFactoryFor } from '../event-store/event-store-from-env';
import { deploymentConfigFromEnv, type DeploymentConfig } from './deployment-config';
import { configFromEnv, configWarnings, type PlatformConfig } from './platform-config';

export interface ServiceAppOptions {
  /** The service's name, for logs and errors (postings, workforce, matching, monitor, relay). */
  readonly name: string;
  /** The capability modules this service serves (a subset of the platform's CAPABILITY_MODULES). */
  readonly modules: readonly ModuleImport[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface ServiceApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
  readonly deployment: DeploymentConfig;
}

/**
 * One service of the distributed deployment: the platform's shell (PlatformModule: config, logs, auth, rate
 * limits, errors, idempotency, /health, /ready) with only the given capability modules, the event store
 * chosen by EVENTSTORE_URL, and the same HTTP setup and OpenAPI document as createPlatformApp (the document
 * is generated from the contracts, so every service serves the one API description).
 *
 * Why not createPlatformApp: it always adds every capability module. A `capabilities` option there would
 * let this file shrink to a call (apps/platform/src/create-platform-app.ts is not this module's to edit).
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const env = options.env ?? process.env;
  const config = configFromEnv(env);
  const deployment = deploymentConfigFromEnv(env);
  mkdirSync(config.dataDir, { recursive: true });
  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.forRoot({
      config,
      modules: options.modules,
      eventStore: eventStoreFactoryFor(deployment, config.dataDir),
    }),
    { bodyParser: false, bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('json replacer', bigintReplacer);
  app.set('x-powered-by', false);
  app.use(correlationMiddleware);
  app.use(pinoHttp(httpLoggerOptions(config.logLevel)));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.use(bodyParserErrorMapper);
  app.enableShutdownHooks();
  setupOpenApi(app);
  for (const warning of configWarnings(config)) logger.warn(warning, options.name);
  return { app, config, deployment };
}

/** Listens on PORT and logs where; on a startup failure prints the reason and exits 1 (the container restarts). */
export async function runService(options: ServiceAppOptions): Promise<ServiceApp> {
  const service = await createServiceApp(options);
  await service.app.listen(service.config.port);
  const adapters = [
    service.deployment.eventStoreUrl ? 'EventStoreDB' : 'SQLite event store',
    service.deployment.kafkaBrokers ? 'Kafka' : undefined,
    service.deployment.mongoUrl ? 'MongoDB' : undefined,
  ].filter((a) => a !== undefined);
  service.app
    .get(Logger)
    .log(`${options.name} listening on port ${service.config.port} (${adapters.join(', ')})`, 'Bootstrap');
  return service;
}

export function exitOnStartupFailure(error: unknown): never {
  // The logger may not exist yet (bad configuration): stderr is the only safe place.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
