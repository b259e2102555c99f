/** One read of personal data: who read it, what, when, under which request. Never a name or an ID number. */
export interface AccessRecord {
  /** The reader's token subject and role. */
  readonly actorSub: string;
  readonly actorRole: string;
  /** What was read, e.g. `household_employment`, `worker_employment`, `zero_employment_cases`. */
  readonly resource: string;
  /** The ids of the data subjects (households, workers) the answer held. */
  readonly subjectIds: readonly string[];
  /** The request's scope besides the subjects (a county code), when there is one. */
  readonly scope?: string;
  readonly correlationId: string;
}

export interface StoredAccessRecord extends AccessRecord {
  readonly id: number;
  readonly at: string;
}

export interface AccessQuery {
  /** Reads that touched this data subject (a household or worker id). */
  readonly subject?: string;
  /** Reads by this token subject. */
  readonly actor?: string;
  readonly limit: number;
  /** Only records with a smaller id (the previous page's last id): newest first. */
  readonly before?: number;
}

/**
 * The append-only log of personal data reads: a query appends what it answered before the answer leaves (a
 * read that is not logged is not answered); the admin reads it newest first. Nothing changes or deletes a record.
 */
export interface AccessLogStore {
  /** Appends one record, its subjects once each; `at` is the server's clock. Resolves to the record's id. */
  append(record: AccessRecord, at?: Date): Promise<number>;
  /** Newest first (largest id first), at most `limit`. */
  find(query: AccessQuery): Promise<StoredAccessRecord[]>;
  close(): Promise<void>;
}

export const ACCESS_LOG_STORE = 'ACCESS_LOG_STORE';
