import { resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@lib/auth';
import { configFromEnv, configWarnings } from './platform-config';

describe('platform configuration', () => {
  it('has development defaults and warns about them', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: resolve('./data'),
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      bodyLimit: '256kb',
    });
    expect(config.rateLimit.enabled).toBe(true);
    expect(configWarnings(config)).toHaveLength(2);
  });

  it('reads the environment', () => {
    const config = configFromEnv({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      JWT_SECRET: 's'.repeat(40),
      ID_HASH_KEY: 'k'.repeat(20),
      RATE_LIMIT: '0',
    });
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/x', rateLimit: { enabled: false } });
    expect(configWarnings(config)).toEqual([]);
  });

  it('refuses a short secret and a bad port, saying which', () => {
    expect(() => configFromEnv({ JWT_SECRET: 'short' })).toThrow(/jwtSecret/);
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/port/);
  });
});
