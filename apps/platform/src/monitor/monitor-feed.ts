import type { Position } from '@lib/event-store';
import type { CountyChange } from '@lib/read-store';

/**
 * What the monitor's queries, read-your-writes and county stream need from whatever feeds the read store:
 * the store's own subscription (MonitorProjectionRunner, embedded) or a Kafka consumer group (distributed,
 * apps/monitor). An abstract class so it can be Nest's injection token; MonitorProjectionRunner fits it as is.
 */
export abstract class MonitorFeed {
  /** Resolves once the feed follows its source (the runner: caught up with the log). */
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  /** The position the answers are from (the runner: the last applied; a Kafka feed: the highest applied). */
  abstract position(): Position;
  /** Resolves true once `position` is applied, false after `timeoutMs` (X-Min-Position). */
  abstract waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  abstract onCountyChange(countyCode: string, listener: (change: CountyChange) => void): () => void;
  abstract get failed(): unknown;
  abstract get running(): boolean;
}
