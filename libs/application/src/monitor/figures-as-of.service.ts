import { decodeAppendedEvent } from '@contracts';
import { readCategoryPages, type EventStore } from '@lib/event-store';
import {
  checkAsOf,
  dayHasEnded,
  FiguresAsOfFold,
  type RegionFiguresAt,
} from '@lib/domain/monitor/figures-as-of';
import { endOfDay } from '@lib/domain/shared/business-dates';
import type { Rejection } from '@lib/domain/shared/decider';
import type { AnyEnvelope } from '@lib/domain/shared/keyed-projection';
import type { Clock } from '../scheduler/clock';

export interface FiguresAsOfOptions {
  /** Past days whose answers are kept (least recently asked dropped first). */
  readonly cacheDays?: number;
  /**
   * How long after a day's end its answer starts being kept. A command reads the clock once, at its start, and
   * its events carry that time: a household import that began before midnight may append for a while after it.
   */
  readonly settleMs?: number;
}

export type FiguresAsOfAnswer =
  | { readonly ok: true; readonly figures: RegionFiguresAt; readonly cached: boolean }
  | { readonly ok: false; readonly rejection: Rejection };

/** The log's stream category that feeds the figures: every household event lives in `household-<id>`. */
const FIGURES_CATEGORY = 'household';

/**
 * The employment figures at the end of a day (ADR 0015), folded from the log, not from a snapshot: the
 * household streams read in log order, the pure fold of libs/domain over the events recorded by the day's
 * end. A past day's answer cannot change, so the last `cacheDays` asked are kept, every region of the
 * province in one entry (about a hundred documents). Folds run one at a time: each holds a province's
 * households in memory while it runs, and the same day asked twice meanwhile waits for the first fold.
 */
export class FiguresAsOf {
  private readonly cache = new Map<string, Promise<RegionFiguresAt>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly cacheDays: number;
  private readonly settleMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    options: FiguresAsOfOptions = {},
  ) {
    this.cacheDays = options.cacheDays ?? 32;
    this.settleMs = options.settleMs ?? 10 * 60_000;
  }

  async at(date: string): Promise<FiguresAsOfAnswer> {
    const now = this.clock.now();
    const rejection = checkAsOf(date, now);
    if (rejection) return { ok: false, rejection };
    const settled = new Date(Date.parse(now) - this.settleMs).toISOString();
    if (!dayHasEnded(date, settled)) return { ok: true, figures: await this.fold(date), cached: false };
    const kept = this.cache.get(date);
    if (kept) {
      // Most recently asked last: the first key is the one to drop.
      this.cache.delete(date);
      this.cache.set(date, kept);
      return { ok: true, figures: await kept, cached: true };
    }
    const folding = this.fold(date);
    this.cache.set(date, folding);
    if (this.cache.size > this.cacheDays) this.cache.delete(this.cache.keys().next().value as string);
    folding.catch(() => this.cache.get(date) === folding && this.cache.delete(date));
    return { ok: true, figures: await folding, cached: false };
  }

  /** The days whose answers are kept, least recently asked first. */
  cachedDays(): string[] {
    return [...this.cache.keys()];
  }

  private fold(date: string): Promise<RegionFiguresAt> {
    const run = this.queue.then(() => this.foldNow(date));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async foldNow(date: string): Promise<RegionFiguresAt> {
    // Up to the head as it is now, exactly: the answer is the log's figures at that position.
    const head = await this.store.headPosition();
    const fold = new FiguresAsOfFold(endOfDay(date));
    read: for await (const page of readCategoryPages(this.store, FIGURES_CATEGORY)) {
      for (const record of page) {
        if (record.position > head) break read;
        fold.apply(decodeAppendedEvent(record) as AnyEnvelope);
      }
      // A cold fold reads the whole log (seconds at province scale): give the event loop a turn between pages,
      // so the service keeps answering (health, commands, the access log's commits) while it runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return fold.regions(head);
  }
}
