import Database from 'better-sqlite3';
import type { MatchPlanStore, StoredMatchPlan } from './match-plan.store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS match_plans (
  plan_id    TEXT PRIMARY KEY,
  counties   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  body       TEXT NOT NULL
);`;

/** Match plans in their own SQLite file (`match-plans.sqlite` in the data directory). */
export class SqliteMatchPlanStore implements MatchPlanStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteMatchPlanStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    return new SqliteMatchPlanStore(db);
  }

  async save(plan: StoredMatchPlan): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO match_plans (plan_id, counties, created_at, created_by, body) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        plan.planId,
        JSON.stringify(plan.counties),
        plan.createdAt,
        plan.createdBy,
        JSON.stringify(plan.body),
      );
  }

  async find(planId: string): Promise<StoredMatchPlan | undefined> {
    const row = this.db
      .prepare('SELECT plan_id, counties, created_at, created_by, body FROM match_plans WHERE plan_id = ?')
      .get(planId) as
      { plan_id: string; counties: string; created_at: string; created_by: string; body: string } | undefined;
    if (!row) return undefined;
    return {
      planId: row.plan_id,
      counties: JSON.parse(row.counties) as string[],
      createdAt: row.created_at,
      createdBy: row.created_by,
      body: JSON.parse(row.body) as Record<string, unknown>,
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
