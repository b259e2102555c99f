/** A stored answer to a command, replayed when the same key and body come again. */
export interface StoredResponse {
  readonly status: number;
  /** The JSON body as sent. */
  readonly body: string;
}

export type BeginOutcome =
  /** The caller owns the key now and must `complete` or `release` it. */
  | { readonly kind: 'started' }
  /** Same key, same request, already answered: send this again. */
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  /** Same key with a different request: refuse (422). */
  | { readonly kind: 'mismatch' }
  /** Same key and request, still being executed by another call. */
  | { readonly kind: 'in_progress' };

/**
 * The port behind `Idempotency-Key`. Keys are scoped per actor, so two clients cannot collide or read
 * each other's answers. `begin` is atomic: of two concurrent calls with the same key, one starts, whichever
 * process (replica) each call comes from when the store is shared.
 */
export interface IdempotencyStore {
  begin(key: string, actorId: string, requestHash: string): Promise<BeginOutcome>;
  complete(key: string, actorId: string, response: StoredResponse): Promise<void>;
  /** Forgets a started key whose command failed, so a retry executes it again. A completed key stays. */
  release(key: string, actorId: string): Promise<void>;
  close(): Promise<void>;
}

/** What every adapter accepts: when a key left in progress may be taken over. */
export interface IdempotencyStoreOptions {
  /**
   * A key left `in_progress` longer than this may be taken over by a retry (a request whose process is
   * stuck or gone). Default 5 minutes.
   */
  readonly staleAfterMs?: number;
  /** Milliseconds since the epoch; `Date.now` by default (tests move it). */
  readonly now?: () => number;
}

export const DEFAULT_STALE_AFTER_MS = 5 * 60_000;

export const IDEMPOTENCY_STORE = 'IDEMPOTENCY_STORE';
