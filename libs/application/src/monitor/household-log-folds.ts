import { decodeAppendedEvent } from '@contracts';
import { readCategoryPages, type EventStore } from '@lib/event-store';
import { RECORDING_SETTLE_MS } from '@lib/domain/shared/business-dates';
import type { AnyEnvelope } from '@lib/domain/shared/keyed-projection';
import type { Clock } from '../scheduler/clock';

export interface LogFoldOptions {
  /** Past answers kept (least recently asked dropped first). */
  readonly cacheSize?: number;
  /**
   * How long after its cutoff an answer starts being kept. A command reads the clock once, at its start, and
   * its events carry that time: a household import that began before the cutoff may append for a while after.
   */
  readonly settleMs?: number;
}

/** A pure fold of libs/domain, offered the household events in log order. */
export interface HouseholdFold<R> {
  apply(event: AnyEnvelope): void;
  /** Its answer, as read to `head` (the log's head when the fold began). */
  result(head: bigint): R;
}

/** The log's stream category that feeds the figures: every household event lives in `household-<id>`. */
const FIGURES_CATEGORY = 'household';

/**
 * Folds over the household streams, to a cutoff (ADR 0015): an answer whose cutoff has passed (and settled)
 * cannot change, so the last `cacheSize` asked are kept. Folds run one at a time: each holds a province's
 * households in memory while it runs, and the same key asked twice meanwhile waits for the first fold.
 */
export class HouseholdLogFolds<R> {
  private readonly cache = new Map<string, Promise<R>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cacheSize: number;
  private readonly settleMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: LogFoldOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 32;
    this.settleMs = options.settleMs ?? RECORDING_SETTLE_MS;
  }

  /** The answer for `key`, whose events count up to `cutoff` (epoch ms); kept once the cutoff has settled. */
  async answer(
    key: string,
    cutoff: number,
    fold: () => HouseholdFold<R>,
  ): Promise<{ value: R; cached: boolean }> {
    if (cutoff > Date.parse(this.clock.now()) - this.settleMs)
      return { value: await this.fold(fold), cached: false };
    const kept = this.cache.get(key);
    if (kept) {
      // Most recently asked last: the first key is the one to drop.
      this.cache.delete(key);
      this.cache.set(key, kept);
      return { value: await kept, cached: true };
    }
    const folding = this.fold(fold);
    this.cache.set(key, folding);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    folding.catch(() => this.cache.get(key) === folding && this.cache.delete(key));
    return { value: await folding, cached: false };
  }

  /** The keys whose answers are kept, least recently asked first. */
  cachedKeys(): string[] {
    return [...this.cache.keys()];
  }

  private fold(make: () => HouseholdFold<R>): Promise<R> {
    const run = this.queue.then(() => this.foldNow(make()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async foldNow(fold: HouseholdFold<R>): Promise<R> {
    // Up to the head as it is now, exactly: the answer is the log's at that position.
    const head = await this.store.headPosition();
    read: for await (const page of readCategoryPages(this.store, FIGURES_CATEGORY)) {
      for (const record of page) {
        if (record.position > head) break read;
        fold.apply(decodeAppendedEvent(record) as AnyEnvelope);
      }
      // A cold fold reads the whole log (seconds at province scale): give the event loop a turn between pages,
      // so the service keeps answering (health, commands, the access log's commits) while it runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return fold.result(head);
  }
}
