/**
 * A real platform process killed between the placement saga's appends (FAULT_INJECT, see
 * test/crash/fault-injection.ts), then started again on the same DATA_DIR: the recovery
 * pass at start must finish the placement one way or the other (ADR 0002).
 *   - killed after the reservation: no WorkerPlaced, so the placement is voided and the opening released;
 *   - killed after WorkerPlaced: the household committed, so the reservation is confirmed.
 */
import type { RecordedEvent } from '@lib/event-store';
import {
  COUNTY,
  bearer,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import {
  STARTUP_MS,
  crashSuite,
  expectKilledDuring,
  readStreams,
  stopPlatform,
  type Platform,
} from './helpers/platform-process';
import { testTokens } from './helpers/test-tokens';

const SECRET = 'crash-test-secret-0123456789abcdef0123';
const tokens = testTokens(SECRET);
jest.setTimeout(4 * STARTUP_MS);

/** A station, a one-opening vacancy and a household of two, through the platform's API. */
async function setUp(http: Platform['http']) {
  const { stationId } = (
    await http.post('/v1/labour-stations').set(bearer(tokens.admin())).send(labourStationBody()).expect(201)
  ).body;
  const vacancy = () =>
    http
      .post('/v1/vacancies')
      .set(bearer(tokens.station(stationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }, { openings: 1 }))
      .expect(201)
      .then((res) => res.body.vacancyId as string);
  const { householdId, workerIds } = (
    await http
      .post('/v1/households')
      .set(bearer(tokens.county(COUNTY)))
      .send(householdBody(COUNTY, [memberBody(), memberBody()]))
      .expect(201)
  ).body;
  return { vacancy, householdId: householdId as string, workerIds: workerIds as string[] };
}

const broker = tokens.broker([COUNTY]);
const types = (events: RecordedEvent[]) => events.map((e) => e.type);

describe('a platform process killed inside the placement saga', () => {
  const { dataDir, start } = crashSuite('placements-crash-', { jwtSecret: SECRET });

  it('after the reservation: restart voids the placement and releases the opening', async () => {
    const dir = dataDir();
    const first = await start(dir, 'placement-after-reserve');
    const { vacancy, householdId, workerIds } = await setUp(first.http);
    const vacancyId = await vacancy();
    // With an Idempotency-Key: the key the killed process held in progress must not block the retry.
    const key = `placement-${Date.now()}`;
    await expectKilledDuring(
      first,
      first.http
        .post('/v1/placements')
        .set(bearer(broker))
        .set('Idempotency-Key', key)
        .send({ workerId: workerIds[0], vacancyId }),
    );
    const [vacancyBefore, householdBefore] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    expect(types(vacancyBefore)).toEqual(['VacancyPosted', 'VacancyOpeningReserved']);
    expect(types(householdBefore)).not.toContain('WorkerPlaced');

    const second = await start(dir);
    // The worker is free and the single opening is back: the same request, same key, now succeeds (its key
    // was released at start, not left "in progress" for minutes).
    const res = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .set('Idempotency-Key', key)
      .send({ workerId: workerIds[0], vacancyId })
      .expect(201);
    expect(res.headers['idempotent-replay']).toBeUndefined();
    await stopPlatform(second);
    const [vacancyAfter, householdAfter] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    const crashed = vacancyBefore[1].data.placementId;
    expect(types(vacancyAfter)).toEqual([
      'VacancyPosted',
      'VacancyOpeningReserved',
      'VacancyReservationReleased',
      'VacancyOpeningReserved',
      'VacancyReservationConfirmed',
    ]);
    expect(vacancyAfter[2].data).toMatchObject({ placementId: crashed, reason: 'placement_voided' });
    expect(vacancyAfter[2].metadata).toMatchObject({ actor: { role: 'system' } });
    expect(householdAfter.find((e) => e.type === 'PlacementVoided')?.data).toMatchObject({
      placementId: crashed,
    });
    expect(householdAfter.filter((e) => e.type === 'WorkerPlaced').map((e) => e.data.placementId)).toEqual([
      res.body.placementId,
    ]);
  });

  it('after WorkerPlaced: restart confirms the reservation and the worker stays placed', async () => {
    const dir = dataDir();
    const first = await start(dir, 'placement-after-place');
    const { vacancy, householdId, workerIds } = await setUp(first.http);
    const vacancyId = await vacancy();
    const otherVacancyId = await vacancy();
    await expectKilledDuring(
      first,
      first.http.post('/v1/placements').set(bearer(broker)).send({ workerId: workerIds[0], vacancyId }),
    );

    const second = await start(dir);
    const other = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId: otherVacancyId })
      .expect(409);
    expect(other.body.error.code).toBe('worker_already_employed');
    // The opening is taken for good: the other member cannot have it.
    const full = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[1], vacancyId })
      .expect(409);
    expect(full.body.error.code).toBe('vacancy_full');
    await stopPlatform(second);
    const [vacancyAfter, householdAfter] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    expect(types(vacancyAfter)).toEqual([
      'VacancyPosted',
      'VacancyOpeningReserved',
      'VacancyReservationConfirmed',
    ]);
    const placed = householdAfter.filter((e) => e.type === 'WorkerPlaced');
    expect(placed).toHaveLength(1);
    expect(placed[0].data.placementId).toBe(vacancyAfter[1].data.placementId);
    expect(types(householdAfter)).not.toContain('PlacementVoided');
  });
});
