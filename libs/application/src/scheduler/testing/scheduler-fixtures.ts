import { householdStream, vacancyStream, type EventMetadata } from '@contracts';
import type { PostVacancy } from '@lib/domain/postings/vacancy.commands';
import { vacancyDecider } from '@lib/domain/postings/vacancy.decider';
import { postVacancyCommand } from '@lib/domain/postings/vacancy.fixtures';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import { runDecider, type EventStore } from '@lib/event-store';
import { testMetadata } from '@lib/event-store/testing/event-fixtures';
import { placeWorker } from '../../placements/placement-flow';

/** A small world for the scheduler's specs, built through the deciders and the placement flow. */
export const WELFARE_COUNTY = '520402';

const metadataAt = (now: string): EventMetadata => testMetadata(now);

async function orThrow<R extends { readonly ok: boolean }>(pending: Promise<R>): Promise<R> {
  const result = await pending;
  if (!result.ok) {
    const { rejection } = result as unknown as { rejection: { code: string; message: string } };
    throw new Error(`${rejection.code}: ${rejection.message}`);
  }
  return result;
}

/** A labour-station vacancy (outside Guizhou) posted at `now`, expiring at `expiresAt`. */
export const postVacancy = (
  store: EventStore,
  vacancyId: string,
  expiresAt: string,
  now: string,
  overrides: Partial<PostVacancy> = {},
) =>
  orThrow(
    runDecider({
      store,
      streamId: vacancyStream(vacancyId),
      decider: vacancyDecider,
      command: postVacancyCommand({ vacancyId, expiresAt, now, openings: 5, ...overrides }),
      metadata: metadataAt(now),
    }),
  );

/** A public-welfare post of WELFARE_COUNTY with a term of `termMonths`. */
export const postWelfareVacancy = (
  store: EventStore,
  vacancyId: string,
  expiresAt: string,
  now: string,
  termMonths = 12,
) =>
  postVacancy(store, vacancyId, expiresAt, now, {
    source: { type: 'public_welfare', id: WELFARE_COUNTY },
    location: { province: '贵州省', city: '安顺市', countyCode: WELFARE_COUNTY },
    labourCapacities: ['full', 'partial', 'weak'],
    welfare: { monthlySubsidy: 800, termMonths },
    openings: 20,
  });

/** A household of WELFARE_COUNTY with `members` full-capacity members (workers `<id>.1`, …). */
export const registerHousehold = (store: EventStore, householdId: string, members: number, now: string) =>
  orThrow(
    onHousehold(
      store,
      householdId,
      {
        ...registerHouseholdCommand(
          householdId,
          Array.from({ length: members }, (_, i) => member(i + 1)),
        ),
        now,
      },
      now,
    ),
  );

/** Places a worker through the placement flow (the term end is computed there), starting on `now`'s date. */
export const place = (
  store: EventStore,
  placementId: string,
  workerId: string,
  vacancyId: string,
  now: string,
) =>
  orThrow(
    placeWorker({
      store,
      placementId,
      workerId,
      vacancyId,
      brokerId: 'broker-1',
      now,
      metadata: metadataAt(now),
    }),
  );

/** A household command decided at `now` (a renewal, an end). */
export const onHousehold = (store: EventStore, householdId: string, command: HouseholdCommand, now: string) =>
  runDecider({
    store,
    streamId: householdStream(householdId),
    decider: householdDecider,
    command,
    metadata: metadataAt(now),
  });
