import type { GuardedDocument } from '../shared/keyed-projection';

/**
 * The due-items read model: one document per thing that must happen at a time (a vacancy's expiry, the end
 * of a public-welfare term), fed by the one stream that decides it. The scheduler asks for the pending ones
 * whose time has come, oldest first; a document leaves the list once its event is in (expired, ended,
 * withdrawn) and moves when its time moves (an extension, a renewal).
 */
export interface DueItem extends GuardedDocument {
  /** When it is due: an ISO instant in canonical UTC form, so the index orders these strings by time. */
  readonly dueAt: string;
  /** The county it belongs to ('' for a vacancy outside Guizhou without one). */
  readonly countyCode: string;
  /** True while the event due at `dueAt` is not in its stream yet. */
  readonly pending: boolean;
}

/** An instant as the due list stores it (`2027-01-31T08:00:00+08:00` → `2027-01-31T00:00:00.000Z`). */
export const canonicalInstant = (isoDateTime: string): string => new Date(isoDateTime).toISOString();

/** Whether an item is due at `now`: pending and its time has come. */
export const isDue = (item: DueItem, now: string): boolean =>
  item.pending && item.dueAt <= canonicalInstant(now);
