import type { VacancySource } from '@contracts';
import type { HouseholdPlacements, ReportPlacement } from './household-placements.projection';
import {
  addRetention,
  countsInWindow,
  retentionFigures,
  retentionOfPlacement,
  ZERO_RETENTION,
  type MonthWindow,
  type RetentionCounts,
  type RetentionFigures,
} from './retention';

/**
 * The report by labour station (劳务协作站): placements made through the vacancies each station posted (the
 * vacancy's source), and their job retention at 3 and 6 months. Figures only: no worker is named.
 */
export interface StationRow extends RetentionFigures {
  readonly stationId: string;
  /** The station's registered name; null when its registration is not known to the read side. */
  readonly stationName: string | null;
}

/** A placement with the household it belongs to: the county a report groups by. */
export interface PlacementOfHousehold {
  readonly countyCode: string;
  readonly placement: ReportPlacement;
}

/** Every placement of these households, with each household's county. */
export function* placementsOf(households: Iterable<HouseholdPlacements>): Iterable<PlacementOfHousehold> {
  for (const h of households)
    for (const placement of h.placements) yield { countyCode: h.countyCode, placement };
}

/**
 * The retention counts of the placements that count (not voided, started within the window), grouped by
 * `groupOf` (undefined: the placement is in no group).
 */
export function retentionBy(
  placements: Iterable<PlacementOfHousehold>,
  groupOf: (p: PlacementOfHousehold) => string | undefined,
  today: string,
  window: MonthWindow = {},
): Map<string, RetentionCounts> {
  const groups = new Map<string, RetentionCounts>();
  for (const p of placements) {
    if (!countsInWindow(p.placement, window)) continue;
    const group = groupOf(p);
    if (group === undefined) continue;
    groups.set(
      group,
      addRetention(groups.get(group) ?? ZERO_RETENTION, retentionOfPlacement(p.placement, today)),
    );
  }
  return groups;
}

/** The station that posted the vacancy of a placement, if a labour station did. */
export const stationOfVacancy =
  (sources: ReadonlyMap<string, VacancySource>) =>
  ({ placement }: PlacementOfHousehold): string | undefined => {
    const source = sources.get(placement.vacancyId);
    return source?.type === 'labour_station' ? source.id : undefined;
  };

/** One row per station with a placement in the window: most placements first, then by id. */
export function stationReport(
  placements: Iterable<PlacementOfHousehold>,
  sources: ReadonlyMap<string, VacancySource>,
  names: ReadonlyMap<string, string>,
  today: string,
  window: MonthWindow = {},
): StationRow[] {
  const byStation = retentionBy(placements, stationOfVacancy(sources), today, window);
  return [...byStation]
    .map(([stationId, counts]) => ({
      stationId,
      stationName: names.get(stationId) ?? null,
      ...retentionFigures(counts),
    }))
    .sort((a, b) => b.placements - a.placements || a.stationId.localeCompare(b.stationId));
}

export interface StationOwnReport extends StationRow {
  /** The same figures for each county whose households were placed through the station. */
  readonly byCounty: readonly ({ readonly countyCode: string } & RetentionFigures)[];
}

/** A station's own report: its placements in every county, in total and by county. */
export function stationOwnReport(
  stationId: string,
  stationName: string | null,
  placements: Iterable<PlacementOfHousehold>,
  sources: ReadonlyMap<string, VacancySource>,
  today: string,
  window: MonthWindow = {},
): StationOwnReport {
  const ofStation = [...placements].filter((p) => stationOfVacancy(sources)(p) === stationId);
  const byCounty = retentionBy(ofStation, (p) => p.countyCode, today, window);
  const total = [...byCounty.values()].reduce(addRetention, ZERO_RETENTION);
  return {
    stationId,
    stationName,
    ...retentionFigures(total),
    byCounty: [...byCounty]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([countyCode, counts]) => ({ countyCode, ...retentionFigures(counts) })),
  };
}
