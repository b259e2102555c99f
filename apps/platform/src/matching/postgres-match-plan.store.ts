import type { Pool } from 'pg';
import { connectWithTables, type PostgresStoreOptions } from '@lib/event-store/postgres';
import type { MatchPlanStore, StoredMatchPlan } from './match-plan.store';

// `json` (not `jsonb`) keeps the body's text as written: it comes back key for key, in order.
const definitions = (schema: string): string[] => [
  `CREATE TABLE IF NOT EXISTS ${schema}.match_plans (
     plan_id    TEXT PRIMARY KEY,
     counties   TEXT[] NOT NULL,
     created_at TEXT   NOT NULL,
     created_by TEXT   NOT NULL,
     body       JSON   NOT NULL
   )`,
];

interface Row {
  plan_id: string;
  counties: string[];
  created_at: string;
  created_by: string;
  body: Record<string, unknown>;
}

/** Match plans in PostgreSQL: a plan made on one replica is fetched on any other. */
export class PostgresMatchPlanStore implements MatchPlanStore {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async connect(
    connectionString: string,
    options: PostgresStoreOptions = {},
  ): Promise<PostgresMatchPlanStore> {
    const { pool, schema } = await connectWithTables(connectionString, options, definitions);
    return new PostgresMatchPlanStore(pool, schema);
  }

  async save(plan: StoredMatchPlan): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.match_plans (plan_id, counties, created_at, created_by, body)
       VALUES ($1, $2, $3, $4, $5)`,
      [plan.planId, plan.counties, plan.createdAt, plan.createdBy, JSON.stringify(plan.body)],
    );
  }

  async find(planId: string): Promise<StoredMatchPlan | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT plan_id, counties, created_at, created_by, body FROM ${this.schema}.match_plans WHERE plan_id = $1`,
      [planId],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      planId: row.plan_id,
      counties: row.counties,
      createdAt: row.created_at,
      createdBy: row.created_by,
      body: row.body,
    };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
