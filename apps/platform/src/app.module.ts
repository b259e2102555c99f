import { DynamicModule, Module, type ExecutionContext, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Clock } from '@lib/application';
import { AuthenticationGuard, AuthGuard, AuthModule } from '@lib/auth';
import {
  AllExceptionsFilter,
  IDEMPOTENCY_STORE,
  IdempotencyInterceptor,
  ResponseSchemaInterceptor,
  UNDECLARED_FIELDS,
  nestLoggerParams,
  undeclaredFieldsFor,
} from '@lib/http';
import { ClockModule, systemClock } from './clock/clock.module';
import { PlatformConfigModule } from './config/config.module';
import type { DeploymentConfig } from './config/deployment-config';
import type { PlatformConfig } from './config/platform-config';
import { DeploymentModule, EMBEDDED_DEPLOYMENT } from './deployment/deployment.module';
import {
  EventStoreModule,
  sqliteEventStoreFactory,
  type EventStoreFactory,
} from './event-store/event-store.module';
import { HealthModule } from './health/health.module';
import { IdempotencyStoreCloser, idempotencyStoreProvider } from './idempotency/idempotency-store.provider';
import { MetricsModule } from './metrics/metrics.module';

export type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

export interface PlatformModuleOptions {
  readonly config: PlatformConfig;
  /** Capability modules (postings, workforce, …) and, in tests, test-only controllers. */
  readonly modules?: readonly ModuleImport[];
  /** Defaults to the SQLite store in the data directory. */
  readonly eventStore?: EventStoreFactory;
  /** Defaults to the system clock; tests pass one they move. */
  readonly clock?: Clock;
  /**
   * Where the idempotency records, the access log and the match plans are kept: PostgreSQL when it names one,
   * else (and by default) SQLite files in the data directory.
   */
  readonly deployment?: DeploymentConfig;
}

type RateLimitedRequest = { principal?: { role: string; sub: string }; ip?: string; ips?: string[] };
const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<RateLimitedRequest>();

/**
 * Two limits per route: a signed-in caller is counted by its subject, so a flood from its address (others'
 * bad tokens, a crawler) never locks it out; a caller without a valid token is counted by its address.
 */
function rateLimits(limits: PlatformConfig['rateLimit']): ThrottlerOptions[] {
  if (!limits.enabled) return [];
  return [
    {
      name: 'subject',
      ttl: limits.windowMs,
      limit: limits.limit,
      skipIf: (context) => requestOf(context).principal === undefined,
      getTracker: (req) =>
        `${(req as RateLimitedRequest).principal?.role}:${(req as RateLimitedRequest).principal?.sub}`,
    },
    {
      name: 'anonymous',
      ttl: limits.windowMs,
      limit: limits.anonymousLimit,
      skipIf: (context) => requestOf(context).principal !== undefined,
      getTracker: (req) =>
        (req as RateLimitedRequest).ips?.[0] ?? (req as RateLimitedRequest).ip ?? 'unknown',
    },
  ];
}

/**
 * The all-in-one process: config, logging, auth, rate limits, errors, answers through their documented schemas,
 * idempotency, health, metrics, event store.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule.register(config),
        DeploymentModule.register(options.deployment ?? EMBEDDED_DEPLOYMENT),
        ClockModule.register(options.clock ?? systemClock),
        // Request lines come from the request log mounted first in createPlatformApp (it also sees requests
        // refused by the body parser); Nest's and our application logs go through the application logger,
        // whose lines carry the request's correlation id (no per-request logger).
        LoggerModule.forRoot(nestLoggerParams(config.logLevel)),
        ThrottlerModule.forRoot({
          throttlers: rateLimits(config.rateLimit),
          skipIf: () => !config.rateLimit.enabled,
        }),
        AuthModule.register({ jwtSecret: config.jwtSecret }),
        DiscoveryModule,
        HealthModule,
        // GET /metrics; it times the requests and, through the store EventStoreModule provides, the appends.
        MetricsModule,
        EventStoreModule.register(options.eventStore ?? sqliteEventStoreFactory(config.dataDir)),
        ...(options.modules ?? []),
      ],
      providers: [
        idempotencyStoreProvider,
        IdempotencyStoreCloser,
        // Guards run in this order: the token is verified (never refused here), the caller is counted by its
        // subject or, without a valid token, by its address, then the route is authorised.
        { provide: APP_GUARD, useExisting: AuthenticationGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Interceptors run in this order: every answer, replayed ones too, goes out through its documented schema.
        { provide: UNDECLARED_FIELDS, useValue: undeclaredFieldsFor(process.env.NODE_ENV) },
        { provide: APP_INTERCEPTOR, useClass: ResponseSchemaInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IDEMPOTENCY_STORE],
    };
  }
}
