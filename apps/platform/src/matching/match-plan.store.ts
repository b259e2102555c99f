/** A plan as stored and answered: a proposal, nothing is placed until a broker confirms each pair. */
export interface StoredMatchPlan {
  readonly planId: string;
  readonly counties: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly body: Record<string, unknown>;
}

/**
 * Where match plans are kept, to be fetched again by id (by any replica, when the store is shared). A plan is
 * kept as it was answered, whatever its shape: the reader decides whether it is still one it can answer.
 */
export interface MatchPlanStore {
  /** Refused (rejects) for an id already stored: a plan is never overwritten. */
  save(plan: StoredMatchPlan): Promise<void>;
  find(planId: string): Promise<StoredMatchPlan | undefined>;
  close(): Promise<void>;
}

export const MATCH_PLAN_STORE = 'MATCH_PLAN_STORE';
