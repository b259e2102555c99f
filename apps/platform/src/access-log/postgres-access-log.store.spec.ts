import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import type { AccessLogStore } from './access-log.store';
import { PostgresAccessLog } from './postgres-access-log.store';
import { accessLogStoreContract } from './testing/access-log-store.contract';

describeWithPostgres('PostgresAccessLog', (databaseUrl) => {
  let schemas = 0;
  let schema = '';
  const nextSchema = () => {
    schemas += 1;
    schema = `access_log_${schemas}`;
  };

  accessLogStoreContract('PostgreSQL', () => ({
    reset: async () => nextSchema(),
    open: () => PostgresAccessLog.connect(databaseUrl(), { schema }),
    sql: async (statement) => {
      const client = new Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        await client.query(`SET search_path TO ${schema}`);
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
  }));

  describe('replicas: two stores, each with its own pool, on one database', () => {
    const opened: AccessLogStore[] = [];
    const replica = async () => {
      const store = await PostgresAccessLog.connect(databaseUrl(), { schema });
      opened.push(store);
      return store;
    };
    beforeEach(() => nextSchema());
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('is one log: reads recorded on either replica are found on both, newest first', async () => {
      const [a, b] = await Promise.all([replica(), replica()]);
      const record = (actorSub: string) => ({
        actorSub,
        actorRole: 'admin',
        resource: 'worker_employment',
        subjectIds: ['w1'],
        correlationId: `c-${actorSub}`,
      });
      const ids = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).append(record(`r${i}`))),
      );
      const onA = await a.find({ subject: 'w1', limit: 50 });
      expect(onA.map((r) => r.id)).toEqual([...ids].sort((x, y) => y - x));
      expect(await b.find({ subject: 'w1', limit: 50 })).toEqual(onA);
    });

    it('refuses TRUNCATE too', async () => {
      await (
        await replica()
      ).append({
        actorSub: 'a',
        actorRole: 'admin',
        resource: 'r',
        subjectIds: ['s'],
        correlationId: 'c',
      });
      const client = new Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        await expect(client.query(`TRUNCATE ${schema}.access_reads CASCADE`)).rejects.toThrow(/append-only/);
      } finally {
        await client.end();
      }
    });
  });
});
