import type { Position } from '@lib/event-store';

interface Observation {
  /** The log's head as seen… */
  head: Position;
  /** …first at this wall-clock time (ms since the epoch). */
  readonly atMs: number;
}

export interface HeadObservationsOptions {
  /** Heads seen within this long of the last kept one extend it instead of adding one (default 1 s). */
  readonly resolutionMs?: number;
  /** Most observations kept; past it the last one is extended (default 4096). */
  readonly capacity?: number;
}

/**
 * When this process first saw the log reach each head: at each of its own appends (the instrumented store)
 * and at each scrape (`headPosition()`, which also sees other processes' appends). A projection at `position`
 * has been behind since the first head seen above it, so its lag in seconds is the age of its oldest event not
 * yet applied: exact for an event this process appended, and for one appended elsewhere at most one scrape
 * interval short (it is dated when a scrape first saw it). The store keeps no append time, and an event's
 * `occurredAt` is the command's business time (seeded history is years old), so neither can date it.
 *
 * Bounded: heads within `resolutionMs` of each other share one observation (the lag may read up to that much
 * high), at most `capacity` are kept, and those every projection has applied are forgotten.
 */
export class HeadObservations {
  private readonly seen: Observation[] = [];
  private readonly resolutionMs: number;
  private readonly capacity: number;

  constructor(options: HeadObservationsOptions = {}) {
    this.resolutionMs = options.resolutionMs ?? 1000;
    this.capacity = options.capacity ?? 4096;
  }

  /** The log reached `head` by `atMs` (a head no higher than one already seen adds nothing). */
  observe(head: Position, atMs: number): void {
    const last = this.seen[this.seen.length - 1];
    if (last !== undefined && head <= last.head) return;
    if (last !== undefined && (atMs - last.atMs < this.resolutionMs || this.seen.length >= this.capacity)) {
      last.head = head;
      return;
    }
    this.seen.push({ head, atMs });
  }

  /** Seconds since the first event after `position` was seen; 0 when no head above it was seen. */
  lagSeconds(position: Position, nowMs: number): number {
    const oldest = this.seen.find((o) => o.head > position);
    return oldest === undefined ? 0 : Math.max(0, nowMs - oldest.atMs) / 1000;
  }

  /** Forgets the heads at or below `position` (every projection has applied them). */
  forget(position: Position): void {
    const keep = this.seen.findIndex((o) => o.head > position);
    this.seen.splice(0, keep === -1 ? this.seen.length : keep);
  }

  get size(): number {
    return this.seen.length;
  }
}
