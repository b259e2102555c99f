import { resolve } from 'node:path';
import { z } from 'zod';
import { refusePublicSecrets, resolveSecrets } from './secrets';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Everything the platform is configured with; env variables map onto it in `configFromEnv`. */
export const PlatformConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  dataDir: z
    .string()
    .min(1)
    .default('./data')
    .transform((dir) => resolve(dir)),
  jwtSecret: z.string().min(32, 'JWT_SECRET must have at least 32 characters'),
  idHashKey: z.string().min(16, 'ID_HASH_KEY must have at least 16 characters'),
  logLevel: LogLevel.default('info'),
  /** Largest JSON body accepted (body-parser syntax). */
  bodyLimit: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('256kb'),
  rateLimit: z
    .object({
      enabled: z.boolean().default(true),
      /** Requests per signed-in subject per window: generous, it only stops runaway clients. */
      limit: z.number().int().positive().default(1200),
      /** Requests per address per window without a valid token (public pages, refused tokens). */
      anonymousLimit: z.number().int().positive().default(300),
      windowMs: z.number().int().positive().default(60_000),
    })
    .prefault({}),
});

export type PlatformConfig = z.output<typeof PlatformConfigSchema>;
export type PlatformConfigInput = z.input<typeof PlatformConfigSchema>;

/** The injection token of the resolved `PlatformConfig`. */
export const PLATFORM_CONFIG = 'PLATFORM_CONFIG';

/** The configuration, checked; a public development secret is refused unless `env.NODE_ENV` is development. */
export function parsePlatformConfig(
  input: PlatformConfigInput,
  env: NodeJS.ProcessEnv = process.env,
): PlatformConfig {
  const result = PlatformConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues
      .map((i) => `${i.path.join('.') || 'config'}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  refusePublicSecrets(result.data, env);
  return result.data;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/**
 * PORT, DATA_DIR, JWT_SECRET, ID_HASH_KEY, LOG_LEVEL, BODY_LIMIT, and RATE_LIMIT (requests per minute per
 * client; 0 turns rate limiting off). The secrets not set come from DATA_DIR/secrets.json, written at the first
 * start (see secrets.ts).
 */
export function configFromEnv(env: NodeJS.ProcessEnv): PlatformConfig {
  const rateLimit = nonEmpty(env.RATE_LIMIT);
  const dataDir = resolve(nonEmpty(env.DATA_DIR) ?? './data');
  const { jwtSecret, idHashKey } = resolveSecrets(dataDir, env);
  return parsePlatformConfig(
    {
      port: nonEmpty(env.PORT),
      dataDir,
      jwtSecret,
      idHashKey,
      logLevel: nonEmpty(env.LOG_LEVEL) as z.input<typeof LogLevel> | undefined,
      bodyLimit: nonEmpty(env.BODY_LIMIT),
      rateLimit:
        rateLimit === undefined
          ? {}
          : Number(rateLimit) === 0
            ? { enabled: false }
            : { limit: Number(rateLimit) },
    },
    env,
  );
}
