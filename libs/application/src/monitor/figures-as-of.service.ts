import type { EventStore } from '@lib/event-store';
import { checkAsOf, FiguresAsOfFold, type RegionFiguresAt } from '@lib/domain/monitor/figures-as-of';
import { endOfDay } from '@lib/domain/shared/business-dates';
import type { Rejection } from '@lib/domain/shared/decider';
import type { Clock } from '../scheduler/clock';
import { HouseholdLogFolds } from './household-log-folds';

export interface FiguresAsOfOptions {
  /** Past days whose answers are kept (least recently asked dropped first). */
  readonly cacheDays?: number;
  /** How long after a day's end its answer starts being kept (household-log-folds.ts). */
  readonly settleMs?: number;
}

export type FiguresAsOfAnswer =
  | { readonly ok: true; readonly figures: RegionFiguresAt; readonly cached: boolean }
  | { readonly ok: false; readonly rejection: Rejection };

/**
 * The employment figures at the end of a day (ADR 0015), folded from the log, not from a snapshot: the
 * household streams read in log order, the pure fold of libs/domain over the events recorded by the day's
 * end. A past day's answer cannot change, so the last `cacheDays` asked are kept, every region of the
 * province in one entry (about a hundred documents).
 */
export class FiguresAsOf {
  private readonly folds: HouseholdLogFolds<RegionFiguresAt>;

  constructor(
    store: EventStore,
    private readonly clock: Clock,
    options: FiguresAsOfOptions = {},
  ) {
    this.folds = new HouseholdLogFolds(store, clock, {
      cacheSize: options.cacheDays ?? 32,
      ...(options.settleMs === undefined ? {} : { settleMs: options.settleMs }),
    });
  }

  async at(date: string): Promise<FiguresAsOfAnswer> {
    const rejection = checkAsOf(date, this.clock.now());
    if (rejection) return { ok: false, rejection };
    const cutoff = endOfDay(date);
    const { value, cached } = await this.folds.answer(date, cutoff, () => {
      const fold = new FiguresAsOfFold(cutoff);
      return { apply: (e) => fold.apply(e), result: (head) => fold.regions(head) };
    });
    return { ok: true, figures: value, cached };
  }

  /** The days whose answers are kept, least recently asked first. */
  cachedDays(): string[] {
    return this.folds.cachedKeys();
  }
}
