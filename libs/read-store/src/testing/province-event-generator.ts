import {
  currentDefinition,
  EVENT_EXAMPLES,
  GUIZHOU_COUNTIES,
  type Channel,
  type EventData,
  type EventType,
  type LabourCapacity,
} from '@contracts';
// The term end the household decider gives a public-welfare placement.
import { welfareTermEnd } from '@lib/domain/workforce/welfare-term';
import type { EventToAppend, ExpectedRevision } from '@lib/event-store';
// A seeded PRNG: the same seed gives the same province.
import { mulberry32 as prng } from '@lib/testing';

/** One append the generator asks for, in log order. */
export interface GeneratedAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: EventToAppend[];
}

const CAPACITIES: readonly LabourCapacity[] = ['full', 'full', 'full', 'partial', 'weak', 'none'];
const REPORTED: readonly Channel[] = [
  'in_province',
  'workshop',
  'public_welfare',
  'self_employed',
  'flexible',
];
const metadata = { actor: { id: 'seed', role: 'system' }, correlationId: 'bench', causationId: 'bench' };

export interface ProvinceLogOptions {
  /**
   * The share of placements made into a public-welfare post of the household's county (one per county,
   * posted first), each with a term of `welfareTermMonths` recorded on WorkerPlaced; 0 (the default) gives the
   * log the projections benchmark has always used.
   */
  readonly welfareShare?: number;
  readonly welfareTermMonths?: number;
}

/**
 * A province-like log for benchmarks, fast and schema-valid (data shaped from the contracts' examples):
 * vacancies posted across Guizhou's counties and outside it, then households registered chunk by chunk with
 * 1-5 members, most members placed through the placement saga (reserve, place, confirm: 3 events) or
 * reported employed, some employments ended and some of those workers placed again. Stops near `total`.
 */
export function* generateProvinceLog(
  total: number,
  seed = 2026,
  options: ProvinceLogOptions = {},
): Generator<GeneratedAppend> {
  const welfareShare = options.welfareShare ?? 0;
  const welfareTermMonths = options.welfareTermMonths ?? 12;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const revisions = new Map<string, number>();
  let count = 0;
  let clock = Date.parse('2026-01-05T08:00:00Z');
  let ids = 0;
  const append = <T extends EventType>(streamId: string, items: [T, EventData<T>][]): GeneratedAppend => {
    const current = revisions.get(streamId);
    revisions.set(streamId, (current ?? -1) + items.length);
    count += items.length;
    clock += 1000;
    const occurredAt = new Date(clock).toISOString();
    const events = items.map(([type, data]) => ({
      id: `e${++ids}`,
      type,
      // The data is the current version's (the contracts' examples): it is stored as that version.
      version: currentDefinition(type)?.version ?? 1,
      occurredAt,
      data: data as unknown as Record<string, unknown>,
      metadata,
    }));
    return { streamId, expectedRevision: current === undefined ? 'no_stream' : current, events };
  };
  const at = (): string => new Date(clock).toISOString();

  const vacancies: { id: string; channel: Channel }[] = [];
  const vacancyCount = Math.max(10, Math.round(total / 50));
  for (let v = 0; v < vacancyCount; v++) {
    const id = `v${v}`;
    const local = random() < 0.5;
    const county = pick(GUIZHOU_COUNTIES).code;
    vacancies.push({ id, channel: local ? 'in_province' : 'out_of_province' });
    yield append(`vacancy-${id}`, [
      [
        'VacancyPosted',
        {
          ...EVENT_EXAMPLES.VacancyPosted,
          vacancyId: id,
          openings: 10_000,
          location: local
            ? { province: '贵州省', city: '贵阳市', countyCode: county }
            : EVENT_EXAMPLES.VacancyPosted.location,
          postedAt: at(),
        },
      ],
    ]);
  }

  // Public-welfare posts, one per county, only when asked for (the default log has none).
  const welfarePosts = new Map<string, string>();
  if (welfareShare > 0) {
    for (const { code } of GUIZHOU_COUNTIES) {
      const id = `w${code}`;
      welfarePosts.set(code, id);
      const welfare = { monthlySubsidy: 800, termMonths: welfareTermMonths };
      const location = { province: '贵州省', city: '贵阳市', countyCode: code };
      const source = { type: 'public_welfare' as const, id: code };
      yield append(`vacancy-${id}`, [
        [
          'VacancyPosted',
          {
            ...EVENT_EXAMPLES.VacancyPosted,
            vacancyId: id,
            openings: 10_000,
            source,
            location,
            welfare,
            postedAt: at(),
          },
        ],
      ]);
    }
  }

  const employed: { householdId: string; workerId: string; employmentId: string }[] = [];
  for (let h = 0; count < total; h++) {
    const householdId = `h${h}`;
    const countyCode = GUIZHOU_COUNTIES[h % GUIZHOU_COUNTIES.length].code;
    const members = 1 + Math.floor(random() * 5);
    const registration: [EventType, EventData<EventType>][] = [
      [
        'HouseholdRegistered',
        { householdId, countyCode, relocationSiteId: `site-${countyCode}`, registeredAt: at() },
      ],
    ];
    const capacities: LabourCapacity[] = [];
    for (let m = 1; m <= members; m++) {
      const labourCapacity = pick(CAPACITIES);
      capacities.push(labourCapacity);
      const worker = { ...EVENT_EXAMPLES.WorkerRegistered, workerId: `${householdId}.${m}`, householdId };
      registration.push(['WorkerRegistered', { ...worker, memberNo: m, labourCapacity, registeredAt: at() }]);
    }
    yield append(`household-${householdId}`, registration as [never, never][]);

    for (let m = 1; m <= members; m++) {
      if (capacities[m - 1] === 'none' || random() < 0.15) continue;
      const workerId = `${householdId}.${m}`;
      const who = { workerId, householdId };
      if (random() < 0.75) {
        const welfarePost =
          welfareShare > 0 && random() < welfareShare ? welfarePosts.get(countyCode) : undefined;
        const vacancy = welfarePost
          ? { id: welfarePost, channel: 'public_welfare' as const }
          : pick(vacancies);
        const placementId = `p${h}-${m}`;
        const saga = { vacancyId: vacancy.id, placementId };
        const startDate = at().slice(0, 10);
        const term = welfarePost
          ? { welfareTermEndsOn: welfareTermEnd(startDate, welfareTermMonths), welfareCountyCode: countyCode }
          : {};
        yield append(`vacancy-${vacancy.id}`, [
          ['VacancyOpeningReserved', { ...saga, ...who, reservedAt: at() }],
        ]);
        yield append(`household-${householdId}`, [
          [
            'WorkerPlaced',
            {
              ...saga,
              ...who,
              channel: vacancy.channel,
              brokerId: 'broker-1',
              startDate,
              ...term,
              placedAt: at(),
            },
          ],
        ]);
        yield append(`vacancy-${vacancy.id}`, [
          ['VacancyReservationConfirmed', { ...saga, confirmedAt: at() }],
        ]);
        employed.push({ householdId, workerId, employmentId: placementId });
      } else {
        const employmentId = `r${h}-${m}`;
        const reported = {
          ...EVENT_EXAMPLES.EmploymentReported,
          ...who,
          employmentId,
          channel: pick(REPORTED),
        };
        yield append(`household-${householdId}`, [
          ['EmploymentReported', { ...reported, startDate: at().slice(0, 10), reportedAt: at() }],
        ]);
        employed.push({ householdId, workerId, employmentId });
      }
    }
    // Now and then an earlier employment ends (returned home), which may reopen a zero-employment case.
    if (employed.length > 100 && random() < 0.3) {
      const index = Math.floor(random() * employed.length);
      const ended = employed[index];
      employed[index] = employed[employed.length - 1];
      employed.pop();
      yield append(`household-${ended.householdId}`, [
        ['EmploymentEnded', { ...ended, reason: 'returned_home', endedAt: at() }],
      ]);
    }
  }
}
