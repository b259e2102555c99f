import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describeSkippedSuite } from './integration-suite';

/**
 * PostgreSQL for the tests: PG_URL names a server (`.ci/run` starts one on loopback); each suite gets a
 * database of its own, created fresh and dropped after, so suites in parallel workers never share tables.
 */
export const PG_URL_VARIABLE = 'PG_URL';

export const pgServerUrl = (): string | undefined => {
  const url = process.env[PG_URL_VARIABLE]?.trim();
  return url === undefined || url === '' ? undefined : url;
};

export interface TestDatabase {
  /** The connection string of the fresh database. */
  readonly url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the server `serverUrl` names (its own database is used only to create it). */
export async function createTestDatabase(serverUrl: string, prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/**
 * A suite that needs PostgreSQL: skipped visibly when PG_URL is unset; otherwise `body` gets a getter for
 * the URL of a database created before the suite and dropped after it.
 */
export function describeWithPostgres(suite: string, body: (databaseUrl: () => string) => void): void {
  const server = pgServerUrl();
  if (server === undefined) {
    describeSkippedSuite(suite, PG_URL_VARIABLE);
    return;
  }
  describe(suite, () => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(server);
    });
    afterAll(async () => {
      await database?.drop();
    });
    body(() => {
      if (database === undefined)
        throw new Error('The test database is not created yet (use it in a hook or test)');
      return database.url;
    });
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
