import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  householdBody,
  idNumber,
  memberBody,
  siteOf,
  streamTypes,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** Profiles and search of people, and who sees their names and phones (issue 17, items 1 and 2). */
describe('people: profiles and search', () => {
  let t: TestApp;
  let office: string;
  let wang: { householdId: string; workerIds: string[]; position: string };
  let other: { householdId: string; workerIds: string[]; position: string };
  const wangId = idNumber(1986);
  let stationId: string;
  let placedPosition: string;

  const get = (path: string, token: string, position = placedPosition) =>
    t.http.get(path).set(bearer(token)).set('X-Min-Position', position);

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    wang = await registerHousehold(t, office, {
      ...householdBody(COUNTY, [
        memberBody({ name: '王秀英', idNumber: wangId, phone: '13812345678', relationToHead: 'head' }),
        memberBody({ name: '李建国', gender: 'male', phone: '15900001234', relationToHead: 'spouse' }),
      ]),
      address: '3栋2单元501',
    });
    other = await registerHousehold(
      t,
      t.tokens.county(OTHER_COUNTY),
      householdBody(OTHER_COUNTY, [memberBody({ name: '王秀兰', phone: '13700005678' })]),
    );
    stationId = await registerStation(t);
    const vacancyId = await postStationVacancy(t, stationId);
    const placed = await t.http
      .post('/v1/placements')
      .set(bearer(t.tokens.broker([COUNTY])))
      .send({ workerId: wang.workerIds[0], vacancyId })
      .expect(201);
    placedPosition = placed.body.position as string;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('storing the new fields', () => {
    it('appends the phone and relation after each worker, in the registration’s append', async () => {
      expect(await streamTypes(t.app, `household-${wang.householdId}`)).toEqual(
        expect.arrayContaining([
          'HouseholdRegistered',
          'WorkerRegistered',
          'MemberContactRecorded',
          'MemberRelationRecorded',
        ]),
      );
    });

    it('refuses a phone that is not a mainland mobile, naming the field, and appends nothing', async () => {
      const body = householdBody(COUNTY, [memberBody({ phone: '12345' })]);
      const res = await t.http.post('/v1/households').set(bearer(office)).send(body).expect(400);
      expect(JSON.stringify(res.body)).toContain('members.0.phone');
      const patch = await t.http
        .patch(`/v1/workers/${wang.workerIds[1]}`)
        .set(bearer(office))
        .send({ phone: '0851-1234567' })
        .expect(400);
      expect(JSON.stringify(patch.body)).toContain('phone');
    });

    it('changes a phone and the address; the profile shows them (read-your-writes)', async () => {
      const phone = await t.http
        .patch(`/v1/workers/${wang.workerIds[1]}`)
        .set(bearer(office))
        .send({ phone: '15900009999' })
        .expect(200);
      const address = await t.http
        .patch(`/v1/households/${wang.householdId}`)
        .set(bearer(office))
        .send({ address: '5栋1单元302' })
        .expect(200);
      expect(BigInt(address.body.position)).toBeGreaterThan(BigInt(phone.body.position));
      const res = await get(`/v1/households/${wang.householdId}`, office, address.body.position).expect(200);
      expect(res.body.address).toBe('5栋1单元302');
      expect(res.body.members[1].phone).toBe('15900009999');
      // Back, so the other tests see the registration's values.
      await t.http
        .patch(`/v1/workers/${wang.workerIds[1]}`)
        .set(bearer(office))
        .send({ phone: '15900001234' })
        .expect(200);
      const back = await t.http
        .patch(`/v1/households/${wang.householdId}`)
        .set(bearer(office))
        .send({ address: '3栋2单元501' })
        .expect(200);
      placedPosition = back.body.position as string;
    });

    it('lets only the office of the household’s county change the address', async () => {
      await t.http
        .patch(`/v1/households/${wang.householdId}`)
        .set(bearer(t.tokens.county(OTHER_COUNTY)))
        .send({ address: '1栋' })
        .expect(403);
      await t.http
        .patch(`/v1/households/${wang.householdId}`)
        .set(bearer(office))
        .send({ address: '' })
        .expect(400);
    });
  });

  describe('GET /v1/households/:id', () => {
    it('shows the county office names, phones, ID last 4, relation, site, occupations and the job', async () => {
      const res = await get(`/v1/households/${wang.householdId}`, office).expect(200);
      expect(res.body).toMatchObject({
        householdId: wang.householdId,
        countyCode: COUNTY,
        relocationSite: { id: siteOf(COUNTY), name: '彩虹社区' },
        address: '3栋2单元501',
        employedCount: 1,
        status: 'employed',
      });
      const [first, second] = res.body.members;
      expect(first).toMatchObject({
        workerId: wang.workerIds[0],
        memberNo: 1,
        name: '王秀英',
        phone: '13812345678',
        idLast4: wangId.slice(-4),
        birthYear: 1986,
        relationToHead: 'head',
        occupations: [{ code: '6-05-01-03', label: '缝纫工' }],
        employment: expect.objectContaining({ channel: 'out_of_province' }),
      });
      expect(second).toMatchObject({ name: '李建国', relationToHead: 'spouse', employment: null });
      expect(JSON.stringify(res.body)).not.toContain(wangId);
    });

    it('shows a broker covering the county the same; 403 to another county’s office and broker', async () => {
      const res = await get(`/v1/households/${wang.householdId}`, t.tokens.broker([COUNTY])).expect(200);
      expect(res.body.members[0]).toMatchObject({ name: '王秀英', phone: '13812345678' });
      await get(`/v1/households/${wang.householdId}`, t.tokens.county(OTHER_COUNTY)).expect(403);
      await get(`/v1/households/${wang.householdId}`, t.tokens.broker([OTHER_COUNTY])).expect(403);
    });

    it('shows the admin whole names on the record page', async () => {
      const res = await get(`/v1/households/${wang.householdId}`, t.tokens.admin()).expect(200);
      expect(res.body.members.map((m: { name: string }) => m.name)).toEqual(['王秀英', '李建国']);
    });

    it('shows a station only the member placed in its vacancy; 403 to another station', async () => {
      const res = await get(`/v1/households/${wang.householdId}`, t.tokens.station(stationId)).expect(200);
      expect(res.body.members.map((m: { name: string }) => m.name)).toEqual(['王秀英']);
      await get(`/v1/households/${wang.householdId}`, t.tokens.station('station-elsewhere')).expect(403);
      await get(`/v1/households/${other.householdId}`, t.tokens.station(stationId)).expect(403);
      await get(`/v1/households/${wang.householdId}`, t.tokens.workshop('workshop-x')).expect(403);
    });

    it('answers 404 for an unknown household', async () => {
      await get('/v1/households/00000000-0000-4000-8000-000000000000', office).expect(404);
    });
  });

  describe('GET /v1/workers/:id', () => {
    it('shows one member with its household, county and site', async () => {
      const res = await get(`/v1/workers/${wang.workerIds[1]}`, office).expect(200);
      expect(res.body).toMatchObject({
        workerId: wang.workerIds[1],
        householdId: wang.householdId,
        countyCode: COUNTY,
        relocationSite: { id: siteOf(COUNTY), name: '彩虹社区' },
        name: '李建国',
        phone: '15900001234',
        age: expect.any(Number),
      });
    });

    it('is 403 across counties and for a station the worker is not placed with', async () => {
      await get(`/v1/workers/${wang.workerIds[0]}`, t.tokens.county(OTHER_COUNTY)).expect(403);
      await get(`/v1/workers/${wang.workerIds[1]}`, t.tokens.station(stationId)).expect(403);
      const placed = await get(`/v1/workers/${wang.workerIds[0]}`, t.tokens.station(stationId)).expect(200);
      expect(placed.body.name).toBe('王秀英');
    });
  });

  describe('search', () => {
    const names = (items: { name: string }[]) => items.map((i) => i.name);

    it.each([
      ['a whole name', '王秀英', ['王秀英']],
      ['a part of a name', '秀', ['王秀英']],
      ['pinyin initials', 'wxy', ['王秀英']],
      ['a whole phone', '15900001234', ['李建国']],
      ['the last digits of a phone', '1234', ['李建国']],
    ])('finds workers by %s, in the office’s own county only', async (_kind, q, expected) => {
      const res = await get(`/v1/workers?q=${encodeURIComponent(q)}`, office).expect(200);
      expect(names(res.body.items)).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    });

    it('finds by ID number exactly, never echoing it', async () => {
      const res = await get(`/v1/workers?idNumber=${wangId}`, office).expect(200);
      expect(names(res.body.items)).toEqual(['王秀英']);
      expect(res.body.items[0].idLast4).toBe(wangId.slice(-4));
      expect(JSON.stringify(res.body)).not.toContain(wangId);
    });

    it('finds households by a member’s initials, naming the head and the members found', async () => {
      const res = await get('/v1/households?q=ljg', office).expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          householdId: wang.householdId,
          head: { workerId: wang.workerIds[0], name: '王秀英' },
          memberCount: 2,
          employedCount: 1,
          status: 'employed',
          matched: [{ workerId: wang.workerIds[1], name: '李建国' }],
        }),
      ]);
    });

    it('shows another county’s office nothing of this county, by name or ID number', async () => {
      const token = t.tokens.county(OTHER_COUNTY);
      const byName = await get('/v1/workers?q=秀', token).expect(200);
      expect(names(byName.body.items)).toEqual(['王秀兰']);
      const byId = await get(`/v1/households?idNumber=${wangId}`, token).expect(200);
      expect(byId.body).toMatchObject({ items: [], total: 0 });
    });

    it('shows the admin masked names and no phones in lists', async () => {
      const res = await get('/v1/workers?q=秀', t.tokens.admin()).expect(200);
      expect(res.body.items.map((i: { name: string; phone: unknown }) => [i.name, i.phone])).toEqual([
        ['王*英', null],
        ['王*兰', null],
      ]);
    });

    it('shows a station only the people placed with it', async () => {
      const res = await get('/v1/workers', t.tokens.station(stationId)).expect(200);
      expect(names(res.body.items)).toEqual(['王秀英']);
      // 李建国 lives in the household of 王秀英 but was not placed with the station.
      const households = await get('/v1/households?q=ljg', t.tokens.station(stationId)).expect(200);
      expect(households.body.total).toBe(0);
      const workers = await get('/v1/workers?q=ljg', t.tokens.station(stationId)).expect(200);
      expect(workers.body.total).toBe(0);
      const own = await get('/v1/households?q=wxy', t.tokens.station(stationId)).expect(200);
      expect(own.body.items).toEqual([
        expect.objectContaining({
          householdId: wang.householdId,
          head: { workerId: wang.workerIds[0], name: '王秀英' },
          matched: [{ workerId: wang.workerIds[0], name: '王秀英' }],
        }),
      ]);
    });

    it('filters by county, site and status, and pages with a cursor', async () => {
      const admin = t.tokens.admin();
      const byCounty = await get(`/v1/households?countyCode=${OTHER_COUNTY}`, admin).expect(200);
      expect(byCounty.body.items.map((h: { householdId: string }) => h.householdId)).toEqual([
        other.householdId,
      ]);
      const zero = await get(`/v1/households?status=zero_employment&siteId=${siteOf(COUNTY)}`, office);
      expect(zero.body.items.map((h: { householdId: string }) => h.householdId)).not.toContain(
        wang.householdId,
      );
      const first = await get('/v1/workers?q=w&limit=1', admin).expect(200);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await get(`/v1/workers?q=w&limit=1&cursor=${first.body.nextCursor}`, admin).expect(200);
      expect(next.body.items[0].workerId).not.toBe(first.body.items[0].workerId);
    });

    it.each([
      ['fewer than 4 digits of a phone', 'q=123', 'q'],
      ['a text too long', `q=${'王'.repeat(51)}`, 'q'],
      ['a limit out of bounds', 'limit=500', 'limit'],
      ['an ID number with a wrong check character', 'idNumber=520402198601010010', 'idNumber'],
      ['an unknown status', 'status=rich', 'status'],
      ['an unknown parameter', 'name=王', 'name'],
    ])('refuses %s with 400 naming the field', async (_what, query, field) => {
      const res = await get(`/v1/workers?${encodeURI(query)}`, office).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body)).toContain(field);
    });

    it('logs every profile read and every search: who, what, which people', async () => {
      await get(`/v1/workers?q=wxy`, office).expect(200);
      await get(`/v1/households?q=wxy`, office).expect(200);
      const log = await t.http
        .get(`/v1/access-log?subject=${encodeURIComponent(wang.workerIds[0])}`)
        .set(bearer(t.tokens.admin()))
        .expect(200);
      const resources = new Set(log.body.items.map((i: { resource: string }) => i.resource));
      for (const resource of ['household_profile', 'worker_profile', 'worker_search', 'household_search']) {
        expect(resources).toContain(resource);
      }
    });
  });
});
