import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { ModuleImport } from '../app.module';
import { bootstrapApp } from '../bootstrap-app';
import { adapterNames, eventStoreFactoryFor } from '../event-store/event-store-from-env';
import { deploymentConfigFromEnv, type DeploymentConfig } from './deployment-config';
import { configFromEnv, type PlatformConfig } from './platform-config';

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
 * One service of the distributed deployment: the platform's application (config, logs, auth, rate limits,
 * errors, idempotency, /health, /ready, the one OpenAPI document) with only the given capability modules and
 * the event store chosen by EVENT_STORE_URL.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const env = options.env ?? process.env;
  const config = configFromEnv(env);
  const deployment = deploymentConfigFromEnv(env);
  const { app } = await bootstrapApp({
    ...config,
    capabilities: options.modules,
    eventStore: eventStoreFactoryFor(deployment, config.dataDir),
    deployment,
    shutdownHooks: true,
  });
  return { app, config, deployment };
}

/** Listens on PORT and logs where; on a startup failure prints the reason and exits 1 (the container restarts). */
export async function runService(options: ServiceAppOptions): Promise<ServiceApp> {
  const service = await createServiceApp(options);
  await service.app.listen(service.config.port);
  const adapters = adapterNames(service.deployment);
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
