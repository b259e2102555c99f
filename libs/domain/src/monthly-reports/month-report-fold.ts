import { CHANNELS, type Channel, type MonthlyReportActivity, type MonthlyReportFigures } from '@contracts';
import { FiguresAsOfFold, regionFiguresAt } from '../monitor/figures-as-of';
import type { RegionEmployment } from '../monitor/county-employment.projection';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { endOfDay, startOfDay } from '../shared/business-dates';
import { firstDayOf, lastDayOf } from '../welfare-payroll/welfare-month';

/** What the log says of one county for one month: its figures at both ends and what was recorded between. */
export interface CountyMonth {
  readonly figures: MonthlyReportFigures;
  readonly previousFigures: MonthlyReportFigures;
  readonly activity: MonthlyReportActivity;
}

interface ActivityTally {
  /** The month's placements not voided (by its end), with their channels. */
  readonly placements: Map<string, Channel>;
  employmentsEnded: number;
  employmentsReported: number;
  trainingsCompleted: number;
}

const newTally = (): ActivityTally => ({
  placements: new Map(),
  employmentsEnded: 0,
  employmentsReported: 0,
  trainingsCompleted: 0,
});

const noChannels = (): Record<Channel, number> =>
  Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;

/** The figures a report keeps of a region document: the counts and the rate, not the document's keys. */
export function reportFigures(region: RegionEmployment): MonthlyReportFigures {
  return {
    households: region.households,
    householdsWithLabour: region.householdsWithLabour,
    coveredHouseholds: region.coveredHouseholds,
    zeroEmploymentHouseholds: region.zeroEmploymentHouseholds,
    noLabourHouseholds: region.noLabourHouseholds,
    labourCapableWorkers: region.labourCapableWorkers,
    employedWorkers: region.employedWorkers,
    employedLabourCapableWorkers: region.employedLabourCapableWorkers,
    jobSeekers: region.jobSeekers,
    jobSeekersWith131: region.jobSeekersWith131,
    employmentRate: region.employmentRate,
    byChannel: { ...region.byChannel },
  };
}

/** A month of every county, from one fold: `position` is the log position it read to. */
export interface MonthOfCounties {
  readonly month: string;
  readonly position: bigint;
  /** One county's month (zeros for a county without households). */
  county(countyCode: string): CountyMonth;
}

function activityOf(tally: ActivityTally): MonthlyReportActivity {
  const placementsByChannel = noChannels();
  for (const channel of tally.placements.values()) placementsByChannel[channel] += 1;
  return {
    placements: tally.placements.size,
    placementsByChannel,
    employmentsEnded: tally.employmentsEnded,
    employmentsReported: tally.employmentsReported,
    trainingsCompleted: tally.trainingsCompleted,
  };
}

/**
 * A month of every county in one pass over the household streams (in log order): the figures at the end of the
 * month before and at the end of the month (the figures-as-of fold, ADR 0015: events recorded before each
 * cutoff), and the month's activity — the events recorded within it, by the household's county. Pure: the
 * caller feeds the events; no clock, so a month not over gives its figures so far.
 */
export class MonthReportFold {
  private readonly start: number;
  private readonly end: number;
  private readonly before: FiguresAsOfFold;
  private readonly after: FiguresAsOfFold;
  private readonly countyOf = new Map<string, string>();
  private readonly tallies = new Map<string, ActivityTally>();

  constructor(readonly month: string) {
    this.start = startOfDay(firstDayOf(month));
    this.end = endOfDay(lastDayOf(month));
    this.before = new FiguresAsOfFold(this.start);
    this.after = new FiguresAsOfFold(this.end);
  }

  get position(): bigint {
    return this.after.position;
  }

  apply(event: AnyEnvelope): void {
    this.before.apply(event);
    this.after.apply(event);
    const at = Date.parse(event.occurredAt);
    if (at >= this.end) return;
    if (event.type === 'HouseholdRegistered') {
      this.countyOf.set(event.data.householdId, event.data.countyCode);
      return;
    }
    if (event.type === 'PlacementVoided') {
      this.tallyOf(event.data.householdId)?.placements.delete(event.data.placementId);
      return;
    }
    if (at < this.start) return;
    switch (event.type) {
      case 'WorkerPlaced': {
        this.tallyOf(event.data.householdId)?.placements.set(event.data.placementId, event.data.channel);
        return;
      }
      case 'EmploymentEnded': {
        const tally = this.tallyOf(event.data.householdId);
        if (tally) tally.employmentsEnded += 1;
        return;
      }
      case 'EmploymentReported': {
        const tally = this.tallyOf(event.data.householdId);
        if (tally) tally.employmentsReported += 1;
        return;
      }
      case 'WorkerTrainingCompleted': {
        const tally = this.tallyOf(event.data.householdId);
        if (tally) tally.trainingsCompleted += 1;
        return;
      }
      default:
        return;
    }
  }

  /** The month of every county as folded so far (the fold may go on; this answer does not change). */
  counties(): MonthOfCounties {
    const after = this.after.regions();
    const before = this.before.regions();
    const tallies = new Map([...this.tallies].map(([county, tally]) => [county, activityOf(tally)] as const));
    return {
      month: this.month,
      position: after.position,
      county: (countyCode) => ({
        figures: reportFigures(regionFiguresAt(after, 'county', countyCode)),
        previousFigures: reportFigures(regionFiguresAt(before, 'county', countyCode)),
        activity: tallies.get(countyCode) ?? activityOf(newTally()),
      }),
    };
  }

  /** The tally of a household's county; undefined for a household the log has not registered (yet). */
  private tallyOf(householdId: string): ActivityTally | undefined {
    const county = this.countyOf.get(householdId);
    if (county === undefined) return undefined;
    let tally = this.tallies.get(county);
    if (!tally) {
      tally = newTally();
      this.tallies.set(county, tally);
    }
    return tally;
  }
}
