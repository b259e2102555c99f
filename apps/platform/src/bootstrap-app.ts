import { mkdirSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import {
  requestLog,
  requestLogger,
  bigintReplacer,
  bodyParserErrorMapper,
  correlationMiddleware,
  StartupQuietLogger,
} from '@lib/http';
import { parsePlatformConfig, type PlatformConfig, type PlatformConfigInput } from './config/platform-config';
import { setupOpenApi } from './docs/openapi.setup';
import { XLSX_BODY_LIMIT, XLSX_MEDIA_TYPE } from './excel/sheet-writer';
import type { Clock } from '@lib/application';
import { PlatformModule, type ModuleImport } from './app.module';
import type { DeploymentConfig } from './config/deployment-config';
import type { EventStoreFactory } from './event-store/event-store.module';

export interface PlatformAppOptions extends PlatformConfigInput {
  readonly dataDir: string;
  /** The capability modules served: all of them in the platform, a few in each distributed service. */
  readonly capabilities: readonly ModuleImport[];
  /** Modules served besides the capability modules (tests add test-only controllers here). */
  readonly modules?: readonly ModuleImport[];
  readonly eventStore?: EventStoreFactory;
  /** Where the idempotency records, access log and match plans are kept (SQLite in the data directory by default). */
  readonly deployment?: DeploymentConfig;
  /** The platform's clock (the system's by default; tests pass one they move). */
  readonly clock?: Clock;
  /** Close cleanly on SIGTERM/SIGINT; on for the process, off in tests (each app would add listeners). */
  readonly shutdownHooks?: boolean;
}

export interface PlatformApp {
  readonly app: NestExpressApplication;
  readonly config: PlatformConfig;
}

/**
 * Builds an application of the platform's shell with the given capability modules, ready for `listen()` or
 * `init()`. The data directory is created if missing. (It imports no capability itself, so a distributed
 * service built on it loads only its own modules.)
 */
export async function bootstrapApp(options: PlatformAppOptions): Promise<PlatformApp> {
  const { capabilities, modules, eventStore, deployment, clock, shutdownHooks, ...configInput } = options;
  const config = parsePlatformConfig(configInput);
  mkdirSync(config.dataDir, { recursive: true });

  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.forRoot({
      config,
      modules: [...capabilities, ...(modules ?? [])],
      eventStore,
      deployment,
      clock,
    }),
    {
      bodyParser: false,
      bufferLogs: true,
    },
  );
  // Nest's lines about each module and route at start are debug; the rest of its logging as it was.
  app.useLogger(new StartupQuietLogger(app.get(Logger)));
  // Positions are bigints in code and decimal strings in JSON.
  app.set('json replacer', bigintReplacer);
  app.set('x-powered-by', false);
  // Order matters: the correlation id first (every later log line has it), the request log, then the JSON
  // body with its size limit, then the mapping of the parser's errors to our error codes.
  app.use(correlationMiddleware);
  app.use(requestLog(requestLogger(config.logLevel)));
  app.useBodyParser('json', { limit: config.bodyLimit });
  // The household import's .xlsx, as raw bytes, for that media type only (every other body stays JSON-only).
  app.useBodyParser('raw', { type: XLSX_MEDIA_TYPE, limit: XLSX_BODY_LIMIT });
  app.use(bodyParserErrorMapper);
  if (shutdownHooks) app.enableShutdownHooks();
  setupOpenApi(app);
  return { app, config };
}
