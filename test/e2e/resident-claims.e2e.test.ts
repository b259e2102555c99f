import { householdDecider } from '@lib/domain/workforce/household.decider';
import { residentClaimDecider } from '@lib/domain/workforce/resident-claim.decider';
import { testMetadata } from '@lib/event-store/testing/event-fixtures';
import { runDecider } from '@lib/event-store';
import { IdNumberHasher } from '../../apps/platform/src/workforce/id-number-hasher';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  idNumber,
  lastCommandPosition,
  memberBody,
} from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** One person, one household across the province (ADR 0004), through HTTP. */
describe('a person is registered in one household only', () => {
  let t: TestApp;
  const head = () => lastCommandPosition(t.app);
  const registerWith = (members: Record<string, unknown>[], county = COUNTY) =>
    t.http
      .post('/v1/households')
      .set(bearer(t.tokens.county(county)))
      .send(householdBody(county, members));
  const hashOf = (id: string) => t.app.get(IdNumberHasher).hash(id).idNumberHash;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the same ID number in a second household, in any county, naming neither; logs it; appends nothing', async () => {
    const id = idNumber(1985);
    const first = await registerWith([memberBody({ idNumber: id })]).expect(201);
    const before = await head();
    const again = await registerWith([memberBody(), memberBody({ idNumber: id })], OTHER_COUNTY).expect(409);
    expect(again.body.error.code).toBe('person_already_registered');
    // The other county's household, worker and county code are not disclosed to this county's office.
    for (const disclosed of [id, first.body.householdId, first.body.workerIds[0], COUNTY]) {
      expect(JSON.stringify(again.body)).not.toContain(disclosed);
    }
    // The admin sees the attempt, and which worker holds the person.
    const log = await t.http
      .get(`/v1/access-log?subject=${first.body.workerIds[0]}`)
      .set(bearer(t.tokens.admin()))
      .expect(200);
    expect(JSON.stringify(log.body)).toContain('registration_of_a_person_registered_elsewhere');
    expect(await head()).toBe(before);

    const other = await registerWith([memberBody()]).expect(201);
    const added = await t.http
      .post(`/v1/households/${other.body.householdId}/workers`)
      .set(bearer(t.tokens.county(COUNTY)))
      .send(memberBody({ idNumber: id }))
      .expect(409);
    expect(added.body.error.code).toBe('person_already_registered');
  });

  it('lets the other members of a refused household register afterwards: their claims were not kept', async () => {
    const taken = idNumber(1984);
    const free = idNumber(1984);
    await registerWith([memberBody({ idNumber: taken })]).expect(201);
    await registerWith([memberBody({ idNumber: free }), memberBody({ idNumber: taken })]).expect(409);
    await registerWith([memberBody({ idNumber: free })], OTHER_COUNTY).expect(201);
  });

  it('refuses the same person twice in one household without claiming anyone', async () => {
    const id = idNumber(1983);
    const before = await head();
    const twice = await registerWith([memberBody({ idNumber: id }), memberBody({ idNumber: id })]);
    expect(twice.status).toBeGreaterThanOrEqual(400);
    expect(await head()).toBe(before);
    await registerWith([memberBody({ idNumber: id })]).expect(201);
  });

  it('20 concurrent registrations of one person: exactly one household gets them', async () => {
    const id = idNumber(1982);
    const others = Array.from({ length: 20 }, () => idNumber(1990));
    const answers = await Promise.all(
      others.map((other, i) =>
        registerWith(
          [memberBody({ idNumber: other }), memberBody({ idNumber: id })],
          i % 2 ? COUNTY : OTHER_COUNTY,
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(19).fill('person_already_registered'),
    );
    // The log agrees: one WorkerRegistered with the hash.
    const hash = hashOf(id);
    let registered = 0;
    for await (const e of eventStoreOf(t.app).readAll()) {
      if (e.type === 'WorkerRegistered' && e.data.idNumberHash === hash) registered++;
    }
    expect(registered).toBe(1);
    // The losers' other members are free again: any claim a loser made on them was released.
    const losers = others.filter((_, i) => answers[i].status !== 201);
    for (const other of losers) {
      const claims = await eventStoreOf(t.app).readStream(`resident-${hashOf(other)}`);
      expect(claims.at(-1)?.type ?? 'none').toMatch(/^(none|ResidentIdReleased)$/);
    }
    await Promise.all(losers.map((other) => registerWith([memberBody({ idNumber: other })]).expect(201)));
  });

  it('takes over a claim whose registration never committed, and that registration can no longer commit', async () => {
    const store = eventStoreOf(t.app);
    const id = idNumber(1981);
    const hash = hashOf(id);
    // A registration that crashed after claiming the person, before its household append.
    const crashed = '0b6c1a52-5d0e-4a39-9a53-4f1d2f6f0d11';
    const at = '2026-11-01T08:00:00Z';
    const claimed = await runDecider({
      store,
      streamId: `resident-${hash}`,
      decider: residentClaimDecider,
      command: { type: 'ClaimResident', idNumberHash: hash, householdId: crashed, now: at },
      metadata: testMetadata(at, 'crash-test'),
    });
    expect(claimed.ok).toBe(true);

    const res = await registerWith([memberBody({ idNumber: id })]).expect(201);
    const crashedStream = await store.readStream(`household-${crashed}`);
    expect(crashedStream.map((e) => [e.type, e.data])).toEqual([
      ['ResidentIdClaimVoided', expect.objectContaining({ idNumberHash: hash, claimRevision: 0 })],
    ]);
    const claims = await store.readStream(`resident-${hash}`);
    expect(claims.map((e) => [e.type, e.data.householdId, e.data.supersedes])).toEqual([
      ['ResidentIdClaimed', crashed, undefined],
      ['ResidentIdClaimed', res.body.householdId, crashed],
    ]);

    // The crashed registration, resumed late with the claim it held, is refused.
    const late = await runDecider({
      store,
      streamId: `household-${crashed}`,
      decider: householdDecider,
      command: {
        type: 'RegisterHousehold',
        householdId: crashed,
        countyCode: COUNTY,
        relocationSiteId: 'site-late',
        members: [t.app.get(IdNumberHasher).memberInput({ ...memberBody(), idNumber: id } as never)],
        claimRevisions: { [hash]: 0 },
        now: at,
      },
      metadata: testMetadata(at, 'crash-test'),
    });
    expect(late).toMatchObject({ ok: false, rejection: { code: 'person_already_registered' } });
  });
});
