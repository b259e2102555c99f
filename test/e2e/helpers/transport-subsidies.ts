import { employmentMonitorStream, subsidyIdOf, transportSubsidyStream } from '@contracts';
import { dayOf } from '@lib/domain/shared/business-dates';
import {
  COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  lastCommandPosition,
  memberBody,
  streamTypes,
} from './fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './requests';
import type { TestApp } from './start-test-app';

/** What the transport-subsidy suites share: a worker the monitor granted the subsidy, the requests, the checks. */

export interface Eligible {
  readonly subsidyId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly year: number;
  /** The position of the monitor's TransportSubsidyEligible. */
  readonly position: string;
}

export const today = () => dayOf(new Date().toISOString());
export const claimBody = (o: Record<string, unknown> = {}) => ({
  travelDate: today(),
  destinationProvince: '440000',
  ...o,
});
export const payBody = (o: Record<string, unknown> = {}) => ({
  amount: 500,
  paidAt: today(),
  reference: 'AS-2026-0001',
  ...o,
});

export type SubsidyStep = 'claims' | 'reviews' | 'payments';

/**
 * The helpers of a suite's test app (given as a function: the app starts in `beforeAll`); `setUp` registers a
 * station and gives the county (520402) the rates 440000: 500 and 330000: 600.
 */
export function subsidyRequests(app: () => TestApp) {
  const office = () => app().tokens.county(COUNTY);
  let stationId: string | undefined;

  async function setUp(): Promise<void> {
    stationId = await registerStation(app());
    await app()
      .http.put(`/v1/counties/${COUNTY}/transport-subsidy-rates`)
      .set(bearer(office()))
      .send({ rates: { '440000': 500, '330000': 600 } })
      .expect(200);
  }

  /** A worker placed in Guangdong through a labour station; the monitor's grant, once it is in the log. */
  async function eligibleWorker(county = COUNTY): Promise<Eligible> {
    const { householdId, workerIds } = await registerHousehold(
      app(),
      app().tokens.county(county),
      householdBody(county, [memberBody({ name: '王秀英' })]),
    );
    const vacancyId = await postStationVacancy(app(), stationId as string);
    await app()
      .http.post('/v1/placements')
      .set(bearer(app().tokens.broker([county])))
      .send({ workerId: workerIds[0], vacancyId })
      .expect(201);
    // The monitor appends the grant a moment after the placement.
    for (let i = 0; i < 200; i++) {
      const grant = (await eventStoreOf(app().app).readStream(employmentMonitorStream(householdId))).find(
        (e) => e.type === 'TransportSubsidyEligible',
      );
      if (grant) {
        const year = (grant.data as { year: number }).year;
        const workerId = workerIds[0];
        return {
          subsidyId: subsidyIdOf(workerId, year),
          workerId,
          householdId,
          year,
          position: grant.position.toString(),
        };
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('The monitor never granted the subsidy');
  }

  const ledger = (query = '', minPosition?: string, token = office()) => {
    const req = app().http.get(`/v1/counties/${COUNTY}/transport-subsidies${query}`).set(bearer(token));
    return minPosition === undefined ? req : req.set('X-Min-Position', minPosition);
  };

  /** The subsidy's line of the county's ledger, once the projections applied `minPosition`. */
  const lineOf = async (subsidyId: string, minPosition: string) => {
    const res = await ledger('?limit=200', minPosition).expect(200);
    return (res.body.items as { subsidyId: string }[]).find((i) => i.subsidyId === subsidyId) as Record<
      string,
      unknown
    >;
  };

  const post = (subsidyId: string, step: SubsidyStep, body: object, token = office()) =>
    app().http.post(`/v1/transport-subsidies/${subsidyId}/${step}`).set(bearer(token)).send(body);

  /** The request is refused with this status and code, and nothing is appended to the subsidy or anywhere. */
  async function refused(
    subsidyId: string,
    request: () => ReturnType<typeof post>,
    status: number,
    code: string,
  ): Promise<{ message: string; issues?: { path: string }[] }> {
    const before = await streamTypes(app().app, transportSubsidyStream(subsidyId));
    const head = await lastCommandPosition(app().app);
    const res = await request().expect(status);
    expect(res.body.error.code).toBe(code);
    expect(await streamTypes(app().app, transportSubsidyStream(subsidyId))).toEqual(before);
    expect(await lastCommandPosition(app().app)).toBe(head);
    return res.body.error;
  }

  return { setUp, eligibleWorker, ledger, lineOf, post, refused };
}
