/**
 * The reports a county sends upward, through HTTP: by relocation site (summing to the county figures), by
 * labour station (placements and job retention at 3 and 6 months, a voided placement not counted, one ended
 * at 2 months not retained), by workshop (吸纳), a station's own report, the scopes and the sheets. The app's
 * clock is the test's: retention is counted at its "today" in Guizhou.
 */
import { randomUUID } from 'node:crypto';
import { householdStream, workshopStream } from '@contracts';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  memberBody,
  siteOf,
  vacancyBody,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';
import { binary, firstSheet, XLSX } from './helpers/sheets';

const DAY_MS = 86_400_000;
/** The test's clock: the app reads it for "today"; commands are stamped with the real time. */
const clock = { time: Date.now(), now: () => new Date(clock.time).toISOString() };
const dayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('reports by site, labour station and workshop', () => {
  let t: TestApp;
  let office: string;
  let broker: string;
  let stationId: string;
  let workshopId: string;
  /** The last position a test wrote: the reports are read once the projections applied it. */
  let written = '0';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    office = t.tokens.county(COUNTY);
    broker = t.tokens.broker([COUNTY, OTHER_COUNTY]);
    stationId = await registerStation(t);
    const workshop = await t.http
      .post('/v1/workshops')
      .set(bearer(office))
      .send({
        name: '西秀区绣娘帮扶车间',
        countyCode: COUNTY,
        relocationSiteId: siteOf(COUNTY),
        sector: 'garments',
      })
      .expect(201);
    workshopId = workshop.body.workshopId as string;
    written = workshop.body.position as string;
  });
  afterAll(() => t.close());

  const read = (path: string, token = office) =>
    t.http.get(path).set(bearer(token)).set('X-Min-Position', written);

  async function place(workerId: string, vacancyId: string, startDate: string): Promise<string> {
    const res = await t.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId, vacancyId, startDate })
      .expect(201);
    written = res.body.position as string;
    return res.body.placementId as string;
  }

  /** A follow-up finding the worker left at `at`: the placement ends then. */
  async function leftAt(placementId: string, at: string) {
    const res = await t.http
      .post(`/v1/placements/${placementId}/follow-ups`)
      .set(bearer(office))
      .send({ visitedAt: at, outcome: 'left', method: 'phone' })
      .expect(201);
    written = res.body.position as string;
  }

  /** Appends events to a stream as the store keeps them (what no HTTP route appends on demand). */
  async function appendTo(streamId: string, events: { type: string; data: Record<string, unknown> }[]) {
    const store = eventStoreOf(t.app);
    const revision = (await store.readStream(streamId)).length - 1;
    const metadata = { actor: { id: 'system', role: 'system' }, correlationId: 'test', causationId: 'test' };
    const occurredAt = new Date().toISOString();
    const result = await store.append(
      streamId,
      events.map(({ type, data }) => ({ id: randomUUID(), type, version: 1, occurredAt, data, metadata })),
      revision,
    );
    written = result.position.toString();
  }

  it('gives every site of the county a row with its name; the rows sum to the county figures', async () => {
    const secondSite = `site-${COUNTY}-02`;
    const a = await registerHousehold(t, office, householdBody(COUNTY, [memberBody(), memberBody()]));
    const b = await registerHousehold(t, office, {
      ...householdBody(COUNTY, [memberBody()]),
      relocationSiteId: secondSite,
    });
    written = b.position;
    const vacancyId = await postStationVacancy(t, stationId);
    await place(a.workerIds[0], vacancyId, dayAt(Date.now() - 5 * DAY_MS));

    const res = await read(`/v1/counties/${COUNTY}/reports/sites`).expect(200);
    const figures = (await read(`/v1/counties/${COUNTY}/employment`).expect(200)).body;
    const first = res.body.items.find((r: { siteId: string }) => r.siteId === siteOf(COUNTY));
    expect(first).toMatchObject({
      siteName: '彩虹社区',
      households: 1,
      employedWorkers: 1,
      coveredHouseholds: 1,
    });
    expect(res.body.items.find((r: { siteId: string }) => r.siteId === secondSite)).toMatchObject({
      siteName: expect.any(String),
      households: 1,
      zeroEmploymentHouseholds: 1,
      openCases: 1,
    });
    expect(res.body.totals).toEqual({
      households: figures.households,
      householdsWithLabour: figures.householdsWithLabour,
      labourCapableWorkers: figures.labourCapableWorkers,
      employedWorkers: figures.employedWorkers,
      coveredHouseholds: figures.coveredHouseholds,
      zeroEmploymentHouseholds: figures.zeroEmploymentHouseholds,
      openCases: figures.zeroEmploymentHouseholds,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/王|张|李/);
  });

  describe('by labour station', () => {
    const startMs = Date.now() - 200 * DAY_MS;
    const start = dayAt(startMs);

    beforeAll(async () => {
      const names = ['赵一', '钱二', '孙三'].map((name) => memberBody({ name }));
      const household = await registerHousehold(t, office, householdBody(COUNTY, names));
      const vacancyId = await postStationVacancy(t, stationId, { openings: 10 });
      await place(household.workerIds[0], vacancyId, start);
      const left = await place(household.workerIds[1], vacancyId, start);
      // Ended two months after the start: due at 3 months, not retained.
      await leftAt(left, new Date(startMs + 60 * DAY_MS).toISOString());
      // A placement the saga's recovery voided: it counts nowhere.
      const ids = { householdId: household.householdId, workerId: household.workerIds[2], vacancyId };
      const placementId = `${household.householdId}:voided`;
      await appendTo(householdStream(household.householdId), [
        {
          type: 'WorkerPlaced',
          data: {
            ...ids,
            placementId,
            channel: 'out_of_province',
            brokerId: 'broker-1',
            startDate: start,
            placedAt: new Date().toISOString(),
          },
        },
        {
          type: 'PlacementVoided',
          data: { ...ids, placementId, reason: 'reservation_recovery', voidedAt: new Date().toISOString() },
        },
      ]);
    });
    afterEach(() => {
      clock.time = Date.now();
    });

    const stationRow = async (query = '') => {
      const res = await read(`/v1/counties/${COUNTY}/reports/stations${query}`).expect(200);
      return res.body.items.find((r: { stationId: string }) => r.stationId === stationId);
    };

    it('counts placements and retention: a voided one not at all, one ended at 2 months not retained', async () => {
      const old = (await stationRow(`?from=${start.slice(0, 7)}&to=${start.slice(0, 7)}`)) as Record<
        string,
        unknown
      >;
      expect(old).toEqual({
        stationId,
        stationName: '贵州省驻广州劳务协作站',
        placements: 2,
        eligibleAt3: 2,
        retainedAt3: 1,
        eligibleAt6: 2,
        retainedAt6: 1,
        retentionRateAt3: 0.5,
        retentionRateAt6: 0.5,
      });
      // Without a window the recent placement of the site test counts too, not yet due.
      expect(await stationRow()).toMatchObject({ placements: 3, eligibleAt3: 2, retainedAt3: 1 });
    });

    it('never counts retention before the months have passed, as the clock moves', async () => {
      const window = `?from=${start.slice(0, 7)}&to=${start.slice(0, 7)}`;
      clock.time = startMs + 80 * DAY_MS;
      expect(await stationRow(window)).toMatchObject({
        placements: 2,
        eligibleAt3: 0,
        retainedAt3: 0,
        retentionRateAt3: null,
      });
      clock.time = startMs + 100 * DAY_MS;
      expect(await stationRow(window)).toMatchObject({ eligibleAt3: 2, retainedAt3: 1, eligibleAt6: 0 });
    });

    it('refuses a bad month with a code naming the field, and a window that ends before it starts', async () => {
      const bad = await read(`/v1/counties/${COUNTY}/reports/stations?from=2026-13`).expect(400);
      expect(bad.body.error).toMatchObject({
        code: 'validation_failed',
        issues: [expect.objectContaining({ path: 'from' })],
      });
      const reversed = await read(`/v1/counties/${COUNTY}/reports/stations?from=2026-05&to=2026-04`).expect(
        400,
      );
      expect(reversed.body.error.issues).toEqual([expect.objectContaining({ path: 'to' })]);
    });

    it('gives a station its own report across counties, and 403 to another station', async () => {
      const window = `?from=${start.slice(0, 7)}&to=${start.slice(0, 7)}`;
      const own = await read(
        `/v1/labour-stations/${stationId}/report${window}`,
        t.tokens.station(stationId),
      ).expect(200);
      expect(own.body).toMatchObject({
        stationId,
        placements: 2,
        retainedAt3: 1,
        byCounty: [{ countyCode: COUNTY, placements: 2 }],
      });
      expect(JSON.stringify(own.body)).not.toMatch(/赵一|钱二|孙三/);
      await read(`/v1/labour-stations/${stationId}/report`, t.tokens.station('station-other')).expect(403);
      await read(`/v1/labour-stations/${stationId}/report`, office).expect(403);
      await read(`/v1/labour-stations/station-unknown/report`, t.tokens.admin()).expect(404);
    });
  });

  it('counts a workshop’s people employed now, of whom from the county; a decertified workshop is marked', async () => {
    const source = { type: 'workshop' as const, id: workshopId };
    const posted = await t.http
      .post('/v1/vacancies')
      .set(bearer(t.tokens.workshop(workshopId)))
      .send(vacancyBody(source, { openings: 5 }))
      .expect(201);
    const vacancyId = posted.body.vacancyId as string;
    const own = await registerHousehold(t, office, householdBody(COUNTY, [memberBody()]));
    const other = await registerHousehold(
      t,
      t.tokens.county(OTHER_COUNTY),
      householdBody(OTHER_COUNTY, [memberBody()]),
    );
    await place(own.workerIds[0], vacancyId, dayAt(Date.now() - 10 * DAY_MS));
    await place(other.workerIds[0], vacancyId, dayAt(Date.now() - 10 * DAY_MS));
    await appendTo(workshopStream(workshopId), [
      {
        type: 'WorkshopDecertified',
        data: { workshopId, reason: '停产', decertifiedAt: new Date().toISOString() },
      },
    ]);

    const res = await read(`/v1/counties/${COUNTY}/reports/workshops`).expect(200);
    expect(res.body.items).toEqual([
      {
        workshopId,
        workshopName: '西秀区绣娘帮扶车间',
        countyCode: COUNTY,
        decertified: true,
        decertifiedAt: expect.any(String),
        employedNow: 2,
        employedNowFromCounty: 1,
        placements: 2,
        ended: 0,
      },
    ]);
    // The other county sees the workshop that employs its household, counting its own.
    const there = await read(
      `/v1/counties/${OTHER_COUNTY}/reports/workshops`,
      t.tokens.county(OTHER_COUNTY),
    ).expect(200);
    expect(there.body.items).toEqual([
      expect.objectContaining({ workshopId, countyCode: COUNTY, employedNow: 2, employedNowFromCounty: 1 }),
    ]);
  });

  it('lets the county, its brokers, its prefecture and the admin read; 403 for anyone else', async () => {
    for (const kind of ['sites', 'stations', 'workshops']) {
      const path = `/v1/counties/${COUNTY}/reports/${kind}`;
      for (const token of [
        office,
        t.tokens.broker([COUNTY]),
        t.tokens.prefecture('520400'),
        t.tokens.admin(),
      ]) {
        await read(path, token).expect(200);
      }
      for (const token of [
        t.tokens.county(OTHER_COUNTY),
        t.tokens.broker([OTHER_COUNTY]),
        t.tokens.prefecture('520500'),
        t.tokens.station(stationId),
        t.tokens.workshop(workshopId),
      ]) {
        await read(path, token).expect(403);
      }
      await read(`/v1/counties/999999/reports/${kind}`, t.tokens.admin()).expect(404);
    }
  });

  it('answers each report as an .xlsx sheet with Chinese headers', async () => {
    const headers: Record<string, string> = {
      sites: '安置点',
      stations: '劳务协作站',
      workshops: '帮扶车间',
    };
    for (const [kind, first] of Object.entries(headers)) {
      const res = await read(`/v1/counties/${COUNTY}/reports/${kind}?format=xlsx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      const sheet = await firstSheet(res.body);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header[0]).toBe(first);
      expect(sheet.rowCount).toBeGreaterThan(1);
    }
  });
});
