import type { EventStore } from '@lib/event-store';
import { MonthReportFold, type MonthOfCounties } from '@lib/domain/monthly-reports/month-report-fold';
import { endOfDay } from '@lib/domain/shared/business-dates';
import { lastDayOf } from '@lib/domain/welfare-payroll/welfare-month';
import type { Clock } from '../scheduler/clock';
import { HouseholdLogFolds, type LogFoldOptions } from '../monitor/household-log-folds';

/**
 * Every county's month from the log (one pass over the household streams, MonthReportFold): a month over is
 * folded once and kept, so closing a month for 88 counties folds the log once, not 88 times. A month still
 * running gives its figures so far, folded afresh each time.
 */
export class CountyMonths {
  private readonly folds: HouseholdLogFolds<MonthOfCounties>;

  constructor(store: EventStore, clock: Clock, options: LogFoldOptions = {}) {
    this.folds = new HouseholdLogFolds(store, clock, { cacheSize: 13, ...options });
  }

  async of(month: string): Promise<MonthOfCounties> {
    const { value } = await this.folds.answer(month, endOfDay(lastDayOf(month)), () => {
      const fold = new MonthReportFold(month);
      return { apply: (e) => fold.apply(e), result: () => fold.counties() };
    });
    return value;
  }

  cachedMonths(): string[] {
    return this.folds.cachedKeys();
  }
}
