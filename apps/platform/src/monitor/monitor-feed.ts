import type { Position } from '@lib/event-store';
import type { ProjectionChange } from '@lib/read-store';

/**
 * What the monitor's queries, read-your-writes and county stream need from whatever feeds the read store:
 * the store's own subscription (a ProjectionRunner, embedded) or a Kafka consumer group (distributed,
 * apps/monitor). An abstract class so it can be Nest's injection token; ProjectionRunner fits it as is.
 */
export abstract class MonitorFeed {
  /** Resolves once the feed follows its source (the runner: caught up with the log). */
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  /**
   * The position the answers are from: every event at or below it is applied (the runner applies the log in
   * order, so it is the last applied; a Kafka feed's partitions interleave, so it is their low-water mark).
   */
  abstract position(): Position;
  /** Resolves true once every event up to `position` is applied, false after `timeoutMs` (X-Min-Position). */
  abstract waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** Calls `listener` after every applied batch that changed something of this county. */
  abstract onChange(countyCode: string, listener: (change: ProjectionChange) => void): () => void;
  abstract get failed(): unknown;
  abstract get running(): boolean;
}
