import { completeCreditCode } from '@contracts';
import {
  COUNTY,
  bearer,
  employerBody,
  lastCommandPosition,
  streamTypes,
  vacancyBody,
} from './helpers/fixtures';
import { registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** A valid credit code for a company number (its check character computed). */
const creditCodeOf = (n: number): string => completeCreditCode(`91440101MA${String(n).padStart(6, '0')}`);

describe('the employer register', () => {
  let t: TestApp;
  let stationId: string;
  const head = () => lastCommandPosition(t.app);

  beforeAll(async () => {
    t = await startTestApp();
    stationId = await registerStation(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers an employer (a county office, a station) and anyone signed in reads it back', async () => {
    const res = await t.http
      .post('/v1/employers')
      .set(bearer(t.tokens.county(COUNTY)))
      .send(employerBody())
      .expect(201);
    expect(res.body).toEqual({ employerId: expect.any(String), position: await head() });
    expect(await streamTypes(t.app, `employer-${res.body.employerId}`)).toEqual(['EmployerRegistered']);
    await t.http
      .post('/v1/employers')
      .set(bearer(t.tokens.station(stationId)))
      .send(
        employerBody({ name: '深圳市华强电子有限公司', creditCode: '914403001922038216', city: '深圳市' }),
      )
      .expect(201);
    const one = await t.http
      .get(`/v1/employers/${res.body.employerId}`)
      .set(bearer(t.tokens.broker('all')))
      .set('X-Min-Position', res.body.position)
      .expect(200);
    expect(one.body).toMatchObject({
      employerId: res.body.employerId,
      name: '广州市白云区华盛制衣有限公司',
      creditCode: '91350100M000100Y43',
      industry: '纺织服装',
      city: '广州市',
      contact: { name: '陈经理', phone: '020-36061234' },
    });
  });

  it('refuses a broker (403), and a wrong or ill-formed credit code with 400 naming creditCode; nothing appended', async () => {
    const before = await head();
    await t.http
      .post('/v1/employers')
      .set(bearer(t.tokens.broker('all')))
      .send(employerBody({ creditCode: creditCodeOf(1) }))
      .expect(403);
    // A wrong check character; all zeros (its check character right, no authority, region or organisation).
    for (const creditCode of ['91350100M000100Y44', '000000000000000000']) {
      const bad = await t.http
        .post('/v1/employers')
        .set(bearer(t.tokens.admin()))
        .send(employerBody({ creditCode }))
        .expect(400);
      expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'creditCode' })]);
    }
    expect(await head()).toBe(before);
  });

  it('refuses the same credit code twice with 409, whatever the name; nothing appended', async () => {
    const code = creditCodeOf(2);
    await t.http
      .post('/v1/employers')
      .set(bearer(t.tokens.admin()))
      .send(employerBody({ creditCode: code }))
      .expect(201);
    const before = await head();
    const res = await t.http
      .post('/v1/employers')
      .set(bearer(t.tokens.county(COUNTY)))
      .send(employerBody({ creditCode: code, name: '另一家公司' }))
      .expect(409);
    expect(res.body.error.code).toBe('already_exists');
    expect(await head()).toBe(before);
  });

  it('finds employers by a part of the name or the start of the credit code, paged', async () => {
    const position = await head();
    const read = (q: string, extra = '') =>
      t.http
        .get(`/v1/employers?q=${encodeURIComponent(q)}${extra}`)
        .set(bearer(t.tokens.workshop('ws-any')))
        .set('X-Min-Position', position)
        .expect(200);
    expect((await read('华强')).body.items.map((e: { name: string }) => e.name)).toEqual([
      '深圳市华强电子有限公司',
    ]);
    expect((await read('914403')).body.total).toBe(1);
    const first = await read('有限公司', '&limit=1');
    expect(first.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const second = await read('有限公司', `&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].employerId).not.toBe(first.body.items[0].employerId);
    await t.http.get('/v1/employers/no-such-employer').set(bearer(t.tokens.admin())).expect(404);
    await t.http.get('/v1/employers').expect(401);
  });

  it('refuses a vacancy naming an employer that is not registered: 400 naming employerId, nothing appended', async () => {
    const before = await head();
    const res = await t.http
      .post('/v1/vacancies')
      .set(bearer(t.tokens.station(stationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }, { employerId: 'no-such-employer' }))
      .expect(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'employerId' })]);
    expect(await head()).toBe(before);
  });
});
