import { deploymentConfigFromEnv } from './deployment-config';

describe('deploymentConfigFromEnv', () => {
  it('keeps the embedded adapters when nothing is set', () => {
    const config = deploymentConfigFromEnv({});
    expect(config.eventStoreUrl).toBeUndefined();
    expect(config.postgresUrl).toBeUndefined();
  });

  it('picks PostgreSQL from EVENT_STORE_URL by its scheme', () => {
    for (const url of ['postgres://u:p@db:5432/relocation', 'postgresql://db/relocation']) {
      const config = deploymentConfigFromEnv({ EVENT_STORE_URL: url });
      expect(config).toMatchObject({ postgresUrl: url });
      expect(config.eventStoreUrl).toBeUndefined();
    }
  });

  it('picks EventStoreDB from EVENT_STORE_URL or the older EVENTSTORE_URL', () => {
    const url = 'esdb://eventstore:2113?tls=false';
    expect(deploymentConfigFromEnv({ EVENT_STORE_URL: url })).toMatchObject({ eventStoreUrl: url });
    expect(deploymentConfigFromEnv({ EVENTSTORE_URL: url })).toMatchObject({ eventStoreUrl: url });
  });

  it('refuses two different store URLs and an unknown scheme', () => {
    expect(() =>
      deploymentConfigFromEnv({ EVENT_STORE_URL: 'postgres://db/a', EVENTSTORE_URL: 'esdb://es:2113' }),
    ).toThrow(/EVENT_STORE_URL and EVENTSTORE_URL differ/);
    expect(() => deploymentConfigFromEnv({ EVENT_STORE_URL: 'mysql://db/a' })).toThrow(
      /postgres:\/\/ or an esdb:\/\//,
    );
  });
});
