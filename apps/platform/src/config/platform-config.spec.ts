import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@lib/auth';
import { temporaryDirectoryPerTest } from '@lib/testing';
import { configFromEnv } from './platform-config';
import { DEVELOPMENT_ID_HASH_KEY, SECRETS_FILE } from './secrets';

describe('platform configuration', () => {
  const dataDir = temporaryDirectoryPerTest('config-');

  it('generates strong secrets at the first start, keeps them (0600) and uses them at every later start', () => {
    const first = configFromEnv({ DATA_DIR: dataDir() });
    expect(first).toMatchObject({
      port: 3000,
      dataDir: dataDir(),
      bodyLimit: '256kb',
      rateLimit: { enabled: true },
    });
    expect(first.jwtSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.idHashKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.jwtSecret).not.toBe(first.idHashKey);
    const file = join(dataDir(), SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      jwtSecret: first.jwtSecret,
      idHashKey: first.idHashKey,
    });

    chmodSync(file, 0o644);
    const second = configFromEnv({ DATA_DIR: dataDir() });
    expect([second.jwtSecret, second.idHashKey]).toEqual([first.jwtSecret, first.idHashKey]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Another data directory, other secrets.
    const other = mkdtempSync(join(tmpdir(), 'config-'));
    expect(configFromEnv({ DATA_DIR: other }).jwtSecret).not.toBe(first.jwtSecret);
    rmSync(other, { recursive: true, force: true });
  });

  it('lets a variable that is set win over the file', () => {
    configFromEnv({ DATA_DIR: dataDir() });
    const config = configFromEnv({
      PORT: '8080',
      DATA_DIR: dataDir(),
      JWT_SECRET: 's'.repeat(40),
      RATE_LIMIT: '0',
    });
    expect(config).toMatchObject({ port: 8080, jwtSecret: 's'.repeat(40), rateLimit: { enabled: false } });
    expect(config.idHashKey).toBe(JSON.parse(readFileSync(join(dataDir(), SECRETS_FILE), 'utf8')).idHashKey);
  });

  it('refuses the public development values unless NODE_ENV=development', () => {
    expect(() => configFromEnv({ DATA_DIR: dataDir(), JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /JWT_SECRET is a public development value/,
    );
    expect(() => configFromEnv({ DATA_DIR: dataDir(), ID_HASH_KEY: DEVELOPMENT_ID_HASH_KEY })).toThrow(
      /ID_HASH_KEY/,
    );
    const dev = { DATA_DIR: dataDir(), NODE_ENV: 'development', JWT_SECRET: DEVELOPMENT_JWT_SECRET };
    expect(configFromEnv(dev).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('refuses a short secret and a bad port, saying which', () => {
    expect(() => configFromEnv({ DATA_DIR: dataDir(), JWT_SECRET: 'short' })).toThrow(/jwtSecret/);
    expect(() => configFromEnv({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(/port/);
  });
});
