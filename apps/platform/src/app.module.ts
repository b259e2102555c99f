import { join } from 'node:path';
import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  type ModuleMetadata,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Clock } from '@lib/application';
import { AuthGuard, AuthModule } from '@lib/auth';
import {
  AllExceptionsFilter,
  IDEMPOTENCY_STORE,
  IdempotencyInterceptor,
  SqliteIdempotencyStore,
  httpLoggerOptions,
  type IdempotencyStore,
} from '@lib/http';
import { ClockModule, systemClock } from './clock/clock.module';
import { PlatformConfigModule } from './config/config.module';
import type { PlatformConfig } from './config/platform-config';
import {
  EventStoreModule,
  sqliteEventStoreFactory,
  type EventStoreFactory,
} from './event-store/event-store.module';
import { HealthModule } from './health/health.module';

export type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  /** Capability modules (postings, workforce, …) and, in tests, test-only controllers. */
  readonly modules?: readonly ModuleImport[];
  /** Defaults to the SQLite store in the data directory. */
  readonly eventStore?: EventStoreFactory;
  /** Defaults to the system clock; tests pass one they move. */
  readonly clock?: Clock;
}

/** Closes the idempotency store after the HTTP server has stopped. */
@Injectable()
class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** The all-in-one process: config, logging, auth, rate limits, errors, idempotency, health, event store. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.register(config),
        ClockModule.register(options.clock ?? systemClock),
        // Request lines come from the access logger mounted first in createPlatformApp (it also sees requests
        // refused by the body parser); this one gives application logs their request context.
        LoggerModule.forRoot({ pinoHttp: { ...httpLoggerOptions(config.logLevel), autoLogging: false } }),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: config.rateLimit.windowMs, limit: config.rateLimit.limit }],
          skipIf: () => !config.rateLimit.enabled,
        }),
        AuthModule.register({ jwtSecret: config.jwtSecret }),
        DiscoveryModule,
        HealthModule,
        EventStoreModule.register(options.eventStore ?? sqliteEventStoreFactory(config.dataDir)),
        ...(options.modules ?? []),
      ],
      providers: [
        {
          provide: IDEMPOTENCY_STORE,
          useFactory: () => SqliteIdempotencyStore.open(join(config.dataDir, 'idempotency.sqlite')),
        },
        IdempotencyStoreCloser,
        // Guards run in this order: a flood is refused before any token is verified.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IDEMPOTENCY_STORE],
    };
  }
}
