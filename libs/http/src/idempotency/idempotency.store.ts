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
 * each other's answers. `begin` is atomic: of two concurrent calls with the same key, one starts.
 */
export interface IdempotencyStore {
  begin(key: string, actorId: string, requestHash: string): BeginOutcome;
  complete(key: string, actorId: string, response: StoredResponse): void;
  /** Forgets a started key whose command failed, so a retry executes it again. */
  release(key: string, actorId: string): void;
  close(): void;
}

export const IDEMPOTENCY_STORE = 'IDEMPOTENCY_STORE';
