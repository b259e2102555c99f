/**
 * The bad inputs an adversarial run got accepted, as a table: each request is refused with its status, its
 * error code and the field it names, and appends nothing. Dates that would make a household count as
 * employed before it is; an ID number contradicting the birth year or gender typed beside it; relocation
 * sites that do not exist or belong to another county; free text that is not printable text.
 */
import { householdStream } from '@contracts';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  employmentReportBody,
  householdBody,
  idNumber,
  labourStationBody,
  lastCommandPosition,
  memberBody,
  vacancyBody,
  workshopBody,
} from '../e2e/helpers/fixtures';
import { startTestApp, type TestApp } from '../e2e/helpers/start-test-app';

type Who = 'office' | 'admin' | 'station';

interface BadInput {
  readonly name: string;
  readonly who: Who;
  readonly path: () => string;
  readonly body: () => object;
  readonly status: number;
  readonly code: string;
  /** The field the error names. */
  readonly field: string;
}

const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const LONE_SURROGATE = '\ud800';

describe('bad input: refused with its code and field, and nothing appended', () => {
  let t: TestApp;
  let stationId: string;
  let workerId: string;
  let caseId: string;

  const tokenOf = (who: Who) =>
    who === 'office'
      ? t.tokens.county(COUNTY)
      : who === 'admin'
        ? t.tokens.admin()
        : t.tokens.station(stationId);
  /** The household's case (registered before all): its page, or one of its routes (`/verifications`). */
  const caseRoute = (action = '') => `/v1/zero-employment-cases/${encodeURIComponent(caseId)}${action}`;

  beforeAll(async () => {
    t = await startTestApp();
    stationId = (
      await t.http
        .post('/v1/labour-stations')
        .set(bearer(t.tokens.admin()))
        .send(labourStationBody())
        .expect(201)
    ).body.stationId;
    const household = await t.http
      .post('/v1/households')
      .set(bearer(tokenOf('office')))
      .send(householdBody(COUNTY, [memberBody()]))
      .expect(201);
    workerId = household.body.workerIds[0];
    caseId = `${household.body.householdId}:1`;
    // The household has no work: the monitor opens its case a moment after the registration.
    for (let i = 0; i < 200; i++) {
      const res = await t.http.get(caseRoute()).set(bearer(tokenOf('office')));
      if (res.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`case ${caseId} never opened`);
  });
  afterAll(() => t.close());

  const register = (member: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...householdBody(COUNTY, [memberBody(member)]),
    ...extra,
  });
  const station = () => ({ type: 'labour_station' as const, id: stationId });
  const visit = (note: string) => ({
    // After the case opened, not after the server's clock when the request arrives.
    visitedAt: new Date().toISOString(),
    method: 'home_visit',
    finding: 'confirmed',
    note,
  });
  /** Text a route of the case refuses (the office's request), and the field it names. */
  const badCaseText = (name: string, action: string, field: string, body: () => object): BadInput => ({
    name,
    who: 'office',
    path: () => caseRoute(action),
    body,
    status: 400,
    code: 'validation_failed',
    field,
  });

  const inputs: BadInput[] = [
    // 1. Dates that would falsify the guarantee.
    {
      name: 'a current employment starting 2099-01-01 at registration',
      who: 'office',
      path: () => '/v1/households',
      body: () => register({ currentEmployment: { channel: 'flexible', source: 'declaration', startDate: '2099-01-01' } }), // prettier-ignore
      status: 400,
      code: 'invalid_value',
      field: 'members.0.currentEmployment.startDate',
    },
    ...['2099-12-31', '1900-01-01'].map((startDate): BadInput => ({
      name: `an employment report dated ${startDate}`,
      who: 'office',
      path: () => `/v1/workers/${workerId}/employment-reports`,
      body: () => employmentReportBody({ startDate }),
      status: 400,
      code: 'invalid_value',
      field: 'startDate',
    })),
    {
      name: 'a vacancy expiring 9999-12-31',
      who: 'station',
      path: () => '/v1/vacancies',
      body: () => vacancyBody(station(), { expiresAt: '9999-12-31T00:00:00Z' }),
      status: 400,
      code: 'invalid_value',
      field: 'expiresAt',
    },
    // 3. Identity consistency.
    {
      name: 'birthYear 1970 with the ID number of someone born in 2005',
      who: 'office',
      path: () => '/v1/households',
      body: () => register({ idNumber: idNumber(2005), birthYear: 1970 }),
      status: 400,
      code: 'validation_failed',
      field: 'members.0.birthYear',
    },
    {
      name: 'gender female with an odd sequence digit (a man’s ID number)',
      who: 'office',
      path: () => '/v1/households',
      body: () => register({ idNumber: idNumber(1986, COUNTY, 'male'), gender: 'female' }),
      status: 400,
      code: 'validation_failed',
      field: 'members.0.gender',
    },
    {
      name: 'a member added with a man’s ID number as a woman',
      who: 'office',
      path: () => `/v1/households/${workerId.split('.')[0]}/workers`,
      body: () => ({ ...memberBody({ idNumber: idNumber(1990, COUNTY, 'male') }), gender: 'female' }),
      status: 400,
      code: 'validation_failed',
      field: 'gender',
    },
    {
      name: 'a relocation site that does not exist',
      who: 'office',
      path: () => '/v1/households',
      body: () => register({}, { relocationSiteId: 'site-520402-99' }),
      status: 400,
      code: 'invalid_value',
      field: 'relocationSiteId',
    },
    {
      name: 'a relocation site of another county',
      who: 'office',
      path: () => '/v1/households',
      body: () => register({}, { relocationSiteId: `site-${OTHER_COUNTY}-01` }),
      status: 400,
      code: 'invalid_value',
      field: 'relocationSiteId',
    },
    {
      name: 'a workshop at another county’s relocation site',
      who: 'admin',
      path: () => '/v1/workshops',
      body: () => workshopBody(COUNTY, { relocationSiteId: `site-${OTHER_COUNTY}-01` }),
      status: 400,
      code: 'invalid_value',
      field: 'relocationSiteId',
    },
    ...(
      [
        ['only zero-width characters', ZERO_WIDTH],
        ['a NUL', '王\u0000秀英'],
        ['a control character (bell)', '王秀\u0007英'],
        ['a right-to-left override', `王${RIGHT_TO_LEFT_OVERRIDE}秀英`],
        ['a zero-width space inside', '王\u200b秀英'],
        ['a lone surrogate', `王${LONE_SURROGATE}`],
        ['markup', '<b>王秀英</b>'],
        ['no letter at all', '123'],
      ] as const
    ).map(([what, name]): BadInput => ({
      name: `a member’s name holding ${what}`,
      who: 'office',
      path: () => '/v1/households',
      body: () => register({ name }),
      status: 400,
      code: 'validation_failed',
      field: 'members.0.name',
    })),
    ...(
      [
        ['<script>', '<script>alert(1)</script>缝纫工'],
        ['a lone surrogate', `缝纫工${LONE_SURROGATE}`],
        ['a bidi override', `缝纫工${RIGHT_TO_LEFT_OVERRIDE}`],
        ['only zero-width characters', ZERO_WIDTH],
      ] as const
    ).map(([what, title]): BadInput => ({
      name: `a vacancy title holding ${what}`,
      who: 'station',
      path: () => '/v1/vacancies',
      body: () => vacancyBody(station(), { title }),
      status: 400,
      code: 'validation_failed',
      field: 'title',
    })),
    badCaseText('a visit’s note holding <script>', '/verifications', 'note', () =>
      visit('<script>fetch("/v1/tokens")</script>'),
    ),
    badCaseText('a visit’s note holding a NUL', '/verifications', 'note', () => visit('家中无人\u0000')),
    badCaseText('an assignee’s name of zero-width characters', '/assign', 'assignee.name', () => ({
      assignee: { id: 'cadre-1', name: ZERO_WIDTH },
    })),
  ];

  it.each(inputs.map((input) => [input.name, input] as const))('%s', async (_name, input) => {
    const before = await lastCommandPosition(t.app);
    const res = await t.http
      .post(input.path())
      .set(bearer(tokenOf(input.who)))
      .send(input.body());
    expect([res.status, res.body.error?.code]).toEqual([input.status, input.code]);
    expect(res.body.error.issues).toEqual([{ path: input.field, message: expect.any(String) }]);
    expect(await lastCommandPosition(t.app)).toBe(before);
  });

  it('accepts what is text: a minority name with its middle dot, decomposed accents (stored composed), a multi-line note', async () => {
    const res = await t.http
      .post('/v1/households')
      .set(bearer(tokenOf('office')))
      .send(register({ name: '  阿依古丽·买买提 ' }))
      .expect(201);
    const added = await t.http
      .post(`/v1/households/${res.body.householdId}/workers`)
      .set(bearer(tokenOf('office')))
      .send(memberBody({ name: 'Rene\u0301e' }))
      .expect(201);
    const stored = await eventStoreOf(t.app).readStream(householdStream(res.body.householdId));
    const names = stored.flatMap((e) => (e.type === 'WorkerRegistered' ? [e.data.name] : []));
    expect(names).toEqual(['阿依古丽·买买提', 'Ren\u00e9e']);
    expect(added.body.workerId).toBe(`${res.body.householdId}.2`);
    await t.http
      .post(caseRoute('/verifications'))
      .set(bearer(tokenOf('office')))
      .send(visit('上门核实：\n本人在家，愿意外出务工\t工资要求 < 5000 元'))
      .expect(201);
  });
});
