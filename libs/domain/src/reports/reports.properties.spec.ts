import fc from 'fast-check';
import type { VacancySource } from '@contracts';
import { regionEmployment } from '../monitor/county-employment.projection';
import { EMPTY_MONITOR_READ_MODEL, type MonitorReadModel } from '../monitor/monitor-read-model';
import { householdHistoryArbitrary, HISTORY_COUNTIES } from '../monitor/testing/history.arbitrary';
import { InMemoryMonitorLog, runMonitorLive } from '../monitor/testing/monitor-runner';
import { addDays, addMonths, dayOf } from '../shared/business-dates';
import type { AnyEnvelope } from '../shared/keyed-projection';
import { siteReport } from './site-report';
import { placementsOf, stationReport } from './station-report';

const RUNS = { numRuns: 120 };

/** The generated histories put a county's households at one site; spread them over two. */
const twoSitesPerCounty = (events: readonly AnyEnvelope[]): AnyEnvelope[] =>
  events.map((e) =>
    e.type === 'HouseholdRegistered'
      ? ({
          ...e,
          data: {
            ...e.data,
            relocationSiteId: `${e.data.relocationSiteId}-${e.data.householdId.length % 2}`,
          },
        } as AnyEnvelope)
      : e,
  );

/** The model after each chunk of the log: the read side as it stands at several moments. */
function* moments(events: readonly AnyEnvelope[], chunk: number): Iterable<MonitorReadModel> {
  const store = new InMemoryMonitorLog();
  let model = EMPTY_MONITOR_READ_MODEL;
  for (let i = 0; i < events.length; i += chunk) {
    model = runMonitorLive(events.slice(i, i + chunk), store, model).model;
    yield model;
  }
}

describe('the report by relocation site over random histories', () => {
  it('sums, at any moment, to the county figures the county endpoint answers', () => {
    fc.assert(
      fc.property(householdHistoryArbitrary(), fc.integer({ min: 1, max: 15 }), ({ events }, chunk) => {
        for (const model of moments(twoSitesPerCounty(events), chunk)) {
          for (const county of HISTORY_COUNTIES) {
            const households = Object.values(model.households).filter((h) => h.countyCode === county);
            const rows = siteReport([], households);
            const sum = (field: keyof (typeof rows)[number]) =>
              rows.reduce((total, row) => total + (row[field] as number), 0);
            const figures = regionEmployment(model.regions, 'county', county);
            expect({
              households: sum('households'),
              householdsWithLabour: sum('householdsWithLabour'),
              labourCapableWorkers: sum('labourCapableWorkers'),
              employedWorkers: sum('employedWorkers'),
              coveredHouseholds: sum('coveredHouseholds'),
              zeroEmploymentHouseholds: sum('zeroEmploymentHouseholds'),
            }).toEqual({
              households: figures.households,
              householdsWithLabour: figures.householdsWithLabour,
              labourCapableWorkers: figures.labourCapableWorkers,
              employedWorkers: figures.employedWorkers,
              coveredHouseholds: figures.coveredHouseholds,
              zeroEmploymentHouseholds: figures.zeroEmploymentHouseholds,
            });
            // The open cases are the zero-employment households (the monitor's guarantee), site by site too.
            for (const row of rows) expect(row.openCases).toBe(row.zeroEmploymentHouseholds);
          }
        }
      }),
      RUNS,
    );
  });
});

interface Recounted {
  start: string;
  end: string | null;
  voided: boolean;
  vacancyId: string;
}

/** Brute force from the raw events: each placement's start, first end and void. */
function recountPlacements(events: readonly AnyEnvelope[]): Map<string, Recounted> {
  const placements = new Map<string, Recounted>();
  for (const e of events) {
    if (e.type === 'WorkerPlaced') {
      placements.set(e.data.placementId, {
        start: e.data.startDate,
        end: null,
        voided: false,
        vacancyId: e.data.vacancyId,
      });
    }
    const ended = e.type === 'EmploymentEnded' ? placements.get(e.data.employmentId) : undefined;
    if (ended && e.type === 'EmploymentEnded' && ended.end === null) ended.end = dayOf(e.data.endedAt);
    const voided = e.type === 'PlacementVoided' ? placements.get(e.data.placementId) : undefined;
    if (voided) voided.voided = true;
  }
  return placements;
}

/** Two stations share the generated vacancies; a third of them are a workshop's. */
const sourcesOf = (events: readonly AnyEnvelope[]): Map<string, VacancySource> => {
  const sources = new Map<string, VacancySource>();
  for (const e of events) {
    if (e.type !== 'WorkerPlaced') continue;
    const n = e.data.vacancyId.length + e.data.vacancyId.charCodeAt(e.data.vacancyId.length - 1);
    const source: VacancySource =
      n % 3 === 0 ? { type: 'workshop', id: 'w-1' } : { type: 'labour_station', id: `st-${n % 3}` };
    sources.set(e.data.vacancyId, source);
  }
  return sources;
};

describe('job retention by labour station with a moving clock', () => {
  it('retained ≤ eligible ≤ placements, never retained before its months, equal to a recount', () => {
    fc.assert(
      fc.property(
        householdHistoryArbitrary({ maxSteps: 120 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }),
        ({ events }, offsets) => {
          const { model } = runMonitorLive(events);
          const sources = sourcesOf(events);
          const recounted = recountPlacements(events);
          const placements = [...placementsOf(Object.values(model.householdPlacements))];
          let previous: Map<string, { eligibleAt3: number; eligibleAt6: number }> = new Map();
          // The clock only moves forward: eligible counts never go down.
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            const today = addDays('2025-12-20', offset);
            const rows = stationReport(placements, sources, new Map(), today);
            for (const row of rows) {
              expect(row.retainedAt3).toBeLessThanOrEqual(row.eligibleAt3);
              expect(row.eligibleAt3).toBeLessThanOrEqual(row.placements);
              expect(row.retainedAt6).toBeLessThanOrEqual(row.eligibleAt6);
              expect(row.eligibleAt6).toBeLessThanOrEqual(row.eligibleAt3);
              const before = previous.get(row.stationId);
              if (before) {
                expect(row.eligibleAt3).toBeGreaterThanOrEqual(before.eligibleAt3);
                expect(row.eligibleAt6).toBeGreaterThanOrEqual(before.eligibleAt6);
              }
            }
            previous = new Map(rows.map((r) => [r.stationId, r]));
            // The recount: straight from the events, by the words of the rule.
            const expected = new Map<string, number[]>();
            for (const p of recounted.values()) {
              const source = sources.get(p.vacancyId);
              if (p.voided || source?.type !== 'labour_station') continue;
              const counts = expected.get(source.id) ?? [0, 0, 0, 0, 0];
              counts[0] += 1;
              [3, 6].forEach((months, i) => {
                const due = addMonths(p.start, months);
                if (due > today) return; // its months have not passed: neither eligible nor retained
                counts[1 + 2 * i] += 1;
                if (p.end === null || p.end >= due) counts[2 + 2 * i] += 1;
              });
              expected.set(source.id, counts);
            }
            expect(
              new Map(
                rows.map((r) => [
                  r.stationId,
                  [r.placements, r.eligibleAt3, r.retainedAt3, r.eligibleAt6, r.retainedAt6],
                ]),
              ),
            ).toEqual(expected);
          }
        },
      ),
      RUNS,
    );
  });
});
