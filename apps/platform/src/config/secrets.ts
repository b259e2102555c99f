import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEVELOPMENT_JWT_SECRET } from '@lib/auth/token';

/** The ID-hash key of the development documentation and older versions: public, so refused in production. */
export const DEVELOPMENT_ID_HASH_KEY = 'development-only-id-hash-key-change-me';

/** Secrets anyone can read in this repository or its history: never for a deployment. */
const PUBLIC_SECRETS: ReadonlySet<string> = new Set([DEVELOPMENT_JWT_SECRET, DEVELOPMENT_ID_HASH_KEY]);

export const SECRETS_FILE = 'secrets.json';

const secretsFile = z.object({ jwtSecret: z.string().min(32), idHashKey: z.string().min(16) }).strict();
export type PlatformSecrets = z.infer<typeof secretsFile>;

const generate = (): string => randomBytes(32).toString('base64url');

/**
 * The signing secret and the ID-hash key (ADR 0008). A variable that is set wins; otherwise they come from
 * `<DATA_DIR>/secrets.json`, which the first start writes with strong random values, readable by its owner
 * only (0600), and every later start (and `npm run token`) reads. (parsePlatformConfig refuses a public
 * development value unless NODE_ENV=development.)
 */
export function resolveSecrets(dataDir: string, env: NodeJS.ProcessEnv): PlatformSecrets {
  const fromEnv = { jwtSecret: nonEmpty(env.JWT_SECRET), idHashKey: nonEmpty(env.ID_HASH_KEY) };
  const stored =
    fromEnv.jwtSecret !== undefined && fromEnv.idHashKey !== undefined ? undefined : storedSecrets(dataDir);
  return {
    jwtSecret: fromEnv.jwtSecret ?? (stored as PlatformSecrets).jwtSecret,
    idHashKey: fromEnv.idHashKey ?? (stored as PlatformSecrets).idHashKey,
  };
}

/** A public development value only where NODE_ENV=development says the deployment is a developer's own. */
export function refusePublicSecrets(secrets: PlatformSecrets, env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV === 'development') return;
  for (const [name, value] of [
    ['JWT_SECRET', secrets.jwtSecret],
    ['ID_HASH_KEY', secrets.idHashKey],
  ] as const) {
    if (PUBLIC_SECRETS.has(value)) {
      throw new Error(
        `${name} is a public development value: anyone could use it. Unset it (a strong one is generated in ` +
          `DATA_DIR/${SECRETS_FILE}) or set your own; NODE_ENV=development allows it on a developer's machine.`,
      );
    }
  }
}

/** The stored secrets, written first (0600) when the data directory has none. */
function storedSecrets(dataDir: string): PlatformSecrets {
  const path = join(dataDir, SECRETS_FILE);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    const fresh: PlatformSecrets = { jwtSecret: generate(), idHashKey: generate() };
    // `wx`: of two processes starting at once, one writes and the other reads what it wrote.
    try {
      writeFileSync(path, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      return fresh;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // Tighten a file whose mode was loosened (a copy, a restore): the key protects every ID number's hash.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const parsed = secretsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`${path} is not a secrets file this service wrote: ${parsed.error.message}`);
  return parsed.data;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;
