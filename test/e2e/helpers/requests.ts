import { COUNTY, bearer, householdBody, labourStationBody, vacancyBody } from './fixtures';
import type { TestApp } from './start-test-app';

/**
 * What a test needs in place before its own requests, made through HTTP as a client makes it. Each request
 * must succeed: these are the given, not what is tested.
 */

/** A labour station the admin registered: its id. */
export async function registerStation(t: TestApp): Promise<string> {
  const res = await t.http
    .post('/v1/labour-stations')
    .set(bearer(t.tokens.admin()))
    .send(labourStationBody())
    .expect(201);
  return res.body.stationId as string;
}

export interface RegisteredHousehold {
  readonly householdId: string;
  readonly workerIds: string[];
  readonly position: string;
}

/** A household registered with `token` (a county office's): by default `householdBody()`'s. */
export async function registerHousehold(
  t: TestApp,
  token: string,
  body: object = householdBody(),
): Promise<RegisteredHousehold> {
  const res = await t.http.post('/v1/households').set(bearer(token)).send(body).expect(201);
  return res.body as RegisteredHousehold;
}

/** A vacancy the station posted (`vacancyBody`'s, with `changes`): its id. */
export async function postStationVacancy(
  t: TestApp,
  stationId: string,
  changes: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http
    .post('/v1/vacancies')
    .set(bearer(t.tokens.station(stationId)))
    .send(vacancyBody({ type: 'labour_station', id: stationId }, changes))
    .expect(201);
  return res.body.vacancyId as string;
}

export interface CaseItem {
  readonly caseId: string;
  readonly householdId: string;
  readonly status: string;
}

/**
 * A household's cases in the county's work list (`open` or `cleared`); with `minPosition`, once the monitor has
 * applied it.
 */
export async function casesOf(
  t: TestApp,
  token: string,
  householdId: string,
  { status = 'open', minPosition }: { status?: 'open' | 'cleared'; minPosition?: string } = {},
): Promise<CaseItem[]> {
  const res = await t.http
    .get(`/v1/counties/${COUNTY}/zero-employment-cases?status=${status}&limit=200`)
    .set(bearer(token))
    .set(minPosition === undefined ? {} : { 'X-Min-Position': minPosition })
    .expect(200);
  return (res.body.items as CaseItem[]).filter((c) => c.householdId === householdId);
}
