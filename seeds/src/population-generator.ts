import {
  GUIZHOU_PROVINCE_CODE,
  isGuizhouCountyCode,
  prefectureOfCounty,
} from '@contracts/regions/guizhou-divisions';
import { withHistory } from './history';
import { addressOf, generateHousehold, type CountyContext } from './households';
import { LABOUR_STATIONS, labourStationBody, type LabourStation } from './labour-stations';
import { createRng, hashSeed } from './prng';
import { relocationSitesOf, type RelocationSite } from './relocation-sites';
import { SeedCalendar } from './seed-calendar';
import { COUNTY_HOUSEHOLDS } from './relocation-volume';
import { ResidentIdAllocator } from './resident-ids';
import type { SeedCommand } from './seed-commands';
import { stationVacancy, welfareVacancy, workshopVacancy } from './vacancies';
import { hostCityKeyOf, partnerEmployers, type Industry } from './partner-employers';
import { HOST_CITIES } from './host-cities';
import { welfareProgrammesOf } from './welfare-programmes';
import { workshopBody, workshopsOf, type Workshop } from './workshops';

/**
 * The deterministic synthetic population, as a stream of seed commands in dependency order:
 * stations, workshops, vacancies, then county by county each household, the employment its members
 * already have given at registration (`members[i].currentEmployment`). Same options, same stream: randomness comes from seeded sub-streams
 * (one per county and per vacancy source), never Math.random.
 */

export type Scale = 'demo' | 'county' | 'province';

export interface PopulationOptions {
  scale: Scale;
  seed?: number;
  /** County scale: which county (default 织金县 520524) and how many households (default 10,000). */
  county?: string;
  households?: number;
  /**
   * The date the population is observed at: ages, employment start dates and expiries count from it. A scale
   * with history observes it at the history's first day instead.
   */
  asOf?: string;
  /** The end of a scale's history (an ISO instant; default 18:00 in Guizhou on `asOf`): nothing is dated after it. */
  now?: string;
}

export interface ScalePlan {
  /** [countyCode, households] in generation order. */
  counties: readonly (readonly [string, number])[];
  /** Sites per county in scope (largest first); undefined = all of them. */
  sitesPerCounty?: number;
  vacanciesPerStation: number;
  vacanciesPerWorkshop: number;
  vacanciesPerWelfareProgramme: number;
  /** Days of backdated history (registrations, returnees, cases opened and cleared, placements); 0 = none. */
  historyDays: number;
}

/** Every county of Anshun (520400) and one county each of Bijie (520500) and Qianxinan (522300). */
const DEMO_COUNTIES = [
  ['520402', 120], // 西秀区
  ['520403', 60], // 平坝区
  ['520422', 70], // 普定县
  ['520423', 70], // 镇宁自治县
  ['520424', 90], // 关岭自治县
  ['520425', 90], // 紫云自治县
  ['520524', 60], // 织金县 (毕节)
  ['522327', 40], // 册亨县 (黔西南)
] as const;

/** The demo's history: 90 days back, the dashboard's 30-day trend and its time-to-clear chart have something to show. */
export const DEMO_HISTORY_DAYS = 90;

export function planFor(options: PopulationOptions): ScalePlan {
  switch (options.scale) {
    case 'demo':
      return { counties: DEMO_COUNTIES, sitesPerCounty: 2, vacanciesPerStation: 2, vacanciesPerWorkshop: 2, vacanciesPerWelfareProgramme: 1, historyDays: DEMO_HISTORY_DAYS }; // prettier-ignore
    case 'county': {
      const county = options.county ?? '520524';
      if (!isGuizhouCountyCode(county)) throw new RangeError(`Not a Guizhou county: ${county}`);
      return { counties: [[county, options.households ?? 10_000]], vacanciesPerStation: 20, vacanciesPerWorkshop: 3, vacanciesPerWelfareProgramme: 3, historyDays: 0 }; // prettier-ignore
    }
    case 'province':
      return { counties: [...COUNTY_HOUSEHOLDS.entries()], vacanciesPerStation: 110, vacanciesPerWorkshop: 3, vacanciesPerWelfareProgramme: 5, historyDays: 0 }; // prettier-ignore
  }
}

const DEFAULT_AS_OF = '2025-06-30';

const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().replace('.000Z', 'Z');

function sitesInScope(countyCode: string, plan: ScalePlan): RelocationSite[] {
  const sites = [...relocationSitesOf(countyCode)].sort((a, b) => b.households - a.households);
  return plan.sitesPerCounty === undefined ? sites : sites.slice(0, plan.sitesPerCounty);
}

function workshopsInScope(countyCode: string, sites: readonly RelocationSite[]): Workshop[] {
  const siteIds = new Set(sites.map((s) => s.id));
  return workshopsOf(countyCode).filter((w) => siteIds.has(w.relocationSiteId));
}

/** Its own stations first, then its prefecture's, then the provincial ones. */
function stationsReachedFrom(countyCode: string): (readonly [LabourStation, number])[] {
  const prefecture = prefectureOfCounty(countyCode)?.code;
  const weightOf = (s: LabourStation): number => {
    if (s.managingRegionCode === countyCode) return 4;
    if (s.managingRegionCode === prefecture) return 2;
    return s.managingRegionCode === GUIZHOU_PROVINCE_CODE ? 1 : 0;
  };
  return LABOUR_STATIONS.map((s) => [s, weightOf(s)] as const).filter(([, weight]) => weight > 0);
}

/**
 * The population's commands: without history, reference data then households, undated (they happen when sent);
 * with history, all of it dated over the plan's days up to `now`, and the episodes of those days.
 */
export function* generatePopulation(options: PopulationOptions): Generator<SeedCommand> {
  const plan = planFor(options);
  if (plan.historyDays === 0) {
    yield* population(options, plan, options.asOf ?? DEFAULT_AS_OF);
    return;
  }
  const now = options.now ?? `${options.asOf ?? DEFAULT_AS_OF}T10:00:00.000Z`;
  const calendar = new SeedCalendar(now, plan.historyDays);
  const reference: SeedCommand[] = [];
  const registrations: Extract<SeedCommand, { kind: 'registerHousehold' }>[] = [];
  for (const command of population(options, plan, calendar.firstDay)) {
    if (command.kind === 'registerHousehold') registrations.push(command);
    else reference.push(command);
  }
  yield* withHistory(reference, registrations, { seed: options.seed ?? 1, now, days: plan.historyDays });
}

function* population(options: PopulationOptions, plan: ScalePlan, asOf: string): Generator<SeedCommand> {
  const seed = options.seed ?? 1;
  const scope = plan.counties.map(([code, households]) => {
    const sites = sitesInScope(code, plan);
    return { code, households, sites, workshops: workshopsInScope(code, sites) };
  });

  for (const station of LABOUR_STATIONS) {
    yield { kind: 'registerLabourStation', ref: station.id, body: labourStationBody(station) };
  }
  for (const { workshops } of scope) {
    for (const w of workshops) yield { kind: 'certifyWorkshop', ref: w.id, body: workshopBody(w) };
  }

  // The partner cities' employers, one per industry in each city that hosts a station.
  const employers = partnerEmployers(
    seed,
    LABOUR_STATIONS.flatMap((s) => hostCityKeyOf(s.hostCity) ?? []),
  );
  for (const e of employers) yield { kind: 'registerEmployer', ref: e.ref, body: e.body };
  const employerAt = (station: LabourStation) => (industry: Industry) =>
    employers.find((e) => e.industry === industry && HOST_CITIES[e.city].city === station.hostCity) ??
    employers[0];

  const vacancyRng = (sourceId: string) => createRng(hashSeed(seed, 'vacancies', sourceId));
  const detailsRng = (ref: string) => createRng(hashSeed(seed, 'vacancy-details', ref));
  for (const station of LABOUR_STATIONS) {
    const rng = vacancyRng(station.id);
    for (let k = 1; k <= plan.vacanciesPerStation; k++) {
      const ref = `vac-${station.id}-${k}`;
      const { body, employerRef } = stationVacancy(
        rng,
        station,
        addDays(asOf, 180),
        employerAt(station),
        detailsRng(ref),
      );
      yield { kind: 'postVacancy', ref, sourceRef: station.id, employerRef, body };
    }
  }
  for (const { code, workshops } of scope) {
    for (const w of workshops) {
      const rng = vacancyRng(w.id);
      for (let k = 1; k <= plan.vacanciesPerWorkshop; k++) {
        const ref = `vac-${w.id}-${k}`;
        yield { kind: 'postVacancy', ref, sourceRef: w.id, body: workshopVacancy(rng, w, addDays(asOf, 180), detailsRng(ref)) }; // prettier-ignore
      }
    }
    for (const programme of welfareProgrammesOf(code)) {
      const rng = vacancyRng(programme.id);
      for (let k = 1; k <= plan.vacanciesPerWelfareProgramme; k++) {
        const ref = `vac-${programme.id}-${k}`;
        yield { kind: 'postVacancy', ref, body: welfareVacancy(rng, programme, addDays(asOf, 365), detailsRng(ref)) }; // prettier-ignore
      }
    }
  }

  for (const county of scope) yield* householdsOfCounty(seed, asOf, county);
}

function* householdsOfCounty(
  seed: number,
  asOf: string,
  county: {
    code: string;
    households: number;
    sites: readonly RelocationSite[];
    workshops: readonly Workshop[];
  },
): Generator<SeedCommand> {
  const rng = createRng(hashSeed(seed, 'households', county.code));
  const ctx: CountyContext = {
    countyCode: county.code,
    year: Number(asOf.slice(0, 4)),
    asOf,
    ids: new ResidentIdAllocator(county.code),
    stations: stationsReachedFrom(county.code),
    workshops: county.workshops,
    programmes: welfareProgrammesOf(county.code).map((p) => [p, Math.max(1, p.posts)] as const),
  };
  const siteWeights = county.sites.map((s) => [s, Math.max(1, s.households)] as const);
  for (let n = 1; n <= county.households; n++) {
    const ref = `hh-${county.code}-${String(n).padStart(6, '0')}`;
    const site = rng.weighted(siteWeights);
    const { body, employments } = generateHousehold(rng, ctx);
    // Employment that exists at registration is part of the registration (one append, no zero-employment
    // case opened and cleared at once); reportEmployment is for employment found later.
    const jobs = new Map(employments.map((e) => [e.memberNo, e.body]));
    const members = body.members.map((member, i) => {
      const job = jobs.get(i + 1);
      return job ? { ...member, currentEmployment: job } : member;
    });
    const address = addressOf(ref);
    yield { kind: 'registerHousehold', ref, body: { ...body, members, relocationSiteId: site.id, address } };
  }
}
