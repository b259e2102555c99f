import { Inject, Injectable } from '@nestjs/common';
import type { VacancySource } from '@contracts';
import {
  directoryCollection,
  householdPlacementsCollection,
  householdsCollection,
  vacancyPlacementsCollection,
  workshopRegisterCollection,
  type Clock,
} from '@lib/application';
import { directoryKey } from '@lib/domain/employers/directory.projection';
import {
  placementsOf,
  posterKey,
  siteReport,
  stationOwnReport,
  stationReport,
  workshopReport,
  type HouseholdPlacements,
  type MonthWindow,
  type SiteRow,
  type VacancyPlacements,
  type WorkshopRecord,
} from '@lib/domain/reports';
import { dayOf } from '@lib/domain/shared/business-dates';
import { findAll, type ReadStore } from '@lib/read-store';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { CLOCK } from '../clock/clock.module';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';

const SITE_FIGURES = [
  'households',
  'householdsWithLabour',
  'labourCapableWorkers',
  'employedWorkers',
  'coveredHouseholds',
  'zeroEmploymentHouseholds',
  'openCases',
] as const;
type SiteFigures = Record<(typeof SITE_FIGURES)[number], number>;

const sumOf = (rows: readonly SiteRow[]): SiteFigures =>
  Object.fromEntries(SITE_FIGURES.map((f) => [f, rows.reduce((sum, row) => sum + row[f], 0)])) as SiteFigures;

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/**
 * The reports' queries over the monitor's read store: load the documents a report needs, hand them to the
 * pure reports of libs/domain/src/reports. "Today" is the app's clock, as a day in Guizhou.
 */
@Injectable()
export class ReportQueries {
  constructor(
    @Inject(MONITOR_READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return dayOf(this.clock.now());
  }

  /** One row per relocation site of the county, from the same household documents as the county figures. */
  async sites(countyCode: string) {
    const households = await findAll(this.store, householdsCollection, { countyCode });
    const items = siteReport(relocationSitesOf(countyCode), households);
    return { countyCode, items, totals: sumOf(items) };
  }

  async stations(countyCode: string, window: MonthWindow) {
    const today = this.today();
    const households = await findAll(this.store, householdPlacementsCollection, { countyCode });
    const placements = [...placementsOf(households)];
    const sources = await this.sourcesOf(placements.map((p) => p.placement.vacancyId));
    const stationIds = unique(
      [...sources.values()].filter((s) => s.type === 'labour_station').map((s) => s.id),
    );
    const names = await this.stationNames(stationIds);
    return { countyCode, ...window, today, items: stationReport(placements, sources, names, today, window) };
  }

  /** A station's own report; undefined for a station the read side does not know. */
  async station(stationId: string, window: MonthWindow) {
    const names = await this.stationNames([stationId]);
    if (!names.has(stationId)) return undefined;
    const today = this.today();
    const vacancies = await findAll(this.store, vacancyPlacementsCollection, {
      poster: posterKey({ type: 'labour_station', id: stationId }),
    });
    const households = await this.householdPlacements(vacancies.flatMap((v) => v.householdIds));
    const placements = placementsOf(households.values());
    const report = stationOwnReport(
      stationId,
      names.get(stationId) ?? null,
      placements,
      sourceMap(vacancies),
      today,
      window,
    );
    return { ...report, ...window, today };
  }

  /**
   * The county's workshops and those that employed its households, each with every placement made through
   * its vacancies (from any county: 吸纳 counts everyone a workshop employs).
   */
  async workshops(countyCode: string) {
    const today = this.today();
    const [registered, countyHouseholds] = await Promise.all([
      findAll(this.store, workshopRegisterCollection, { countyCode }),
      findAll(this.store, householdPlacementsCollection, { countyCode }),
    ]);
    const countySources = await this.sourcesOf(
      [...placementsOf(countyHouseholds)].map((p) => p.placement.vacancyId),
    );
    const workshopIds = unique([
      ...registered.map((w) => w.workshopId),
      ...[...countySources.values()].filter((s) => s.type === 'workshop').map((s) => s.id),
    ]);
    const vacancies = (
      await Promise.all(
        workshopIds.map((id) =>
          findAll(this.store, vacancyPlacementsCollection, { poster: posterKey({ type: 'workshop', id }) }),
        ),
      )
    ).flat();
    const households = await this.householdPlacements(
      vacancies.flatMap((v) => v.householdIds),
      countyHouseholds,
    );
    const records = new Map<string, WorkshopRecord>(registered.map((w) => [w.workshopId, w]));
    const others = workshopIds.filter((id) => !records.has(id));
    for (const [id, w] of await this.store.load(workshopRegisterCollection, others)) records.set(id, w);
    const items = workshopReport(
      countyCode,
      records,
      placementsOf(households.values()),
      sourceMap(vacancies),
      today,
    );
    return { countyCode, today, items };
  }

  /** The placement documents of these households, `known` ones not read again. */
  private async householdPlacements(
    householdIds: readonly string[],
    known: readonly HouseholdPlacements[] = [],
  ): Promise<Map<string, HouseholdPlacements>> {
    const docs = new Map(known.map((h) => [h.householdId, h]));
    const missing = unique(householdIds).filter((id) => !docs.has(id));
    for (const [id, doc] of await this.store.load(householdPlacementsCollection, missing)) docs.set(id, doc);
    return docs;
  }

  private async sourcesOf(vacancyIds: readonly string[]): Promise<Map<string, VacancySource>> {
    const vacancies = await this.store.load(vacancyPlacementsCollection, unique(vacancyIds));
    return sourceMap(vacancies.values());
  }

  private async stationNames(stationIds: readonly string[]): Promise<Map<string, string>> {
    const entries = await this.store.load(
      directoryCollection,
      stationIds.map((id) => directoryKey('labour_station', id)),
    );
    return new Map([...entries.values()].map((e) => [e.id, e.name]));
  }
}

const sourceMap = (vacancies: Iterable<VacancyPlacements>): Map<string, VacancySource> =>
  new Map([...vacancies].map((v) => [v.vacancyId, v.source]));
