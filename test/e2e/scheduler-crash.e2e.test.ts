/**
 * A real platform process killed (SIGKILL, FAULT_INJECT: test/crash/fault-injection.ts) while its scheduler
 * expires a vacancy, then started again on the same DATA_DIR: VacancyExpired is in the vacancy's stream exactly
 * once, with the id derived from the vacancy.
 *   - killed between the decision and its append: nothing was written; the run at the next start appends it;
 *   - killed right after the append was durable (before the run could report it): the next start appends nothing.
 */
import { vacancyStream } from '@contracts';
import { vacancyExpiredEventId } from '@lib/application';
import { bearer, labourStationBody, vacancyBody } from './helpers/fixtures';
import { STARTUP_MS, crashSuite, readStreams, stopPlatform, type Platform } from './helpers/platform-process';
import { testTokens } from './helpers/test-tokens';

const SECRET = 'scheduler-crash-secret-0123456789abcdef';
const tokens = testTokens(SECRET);
jest.setTimeout(6 * STARTUP_MS);

/** The scheduler every 250 ms, and its log lines (info) in the output. */
const SCHEDULER_ENV = { SCHEDULER_INTERVAL_MS: '250', LOG_LEVEL: 'info' };

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A labour-station vacancy that expires a few seconds from now. */
async function postExpiringVacancy(
  http: Platform['http'],
): Promise<{ vacancyId: string; expiresAt: string }> {
  const { stationId } = (
    await http.post('/v1/labour-stations').set(bearer(tokens.admin())).send(labourStationBody()).expect(201)
  ).body;
  const expiresAt = new Date(Date.now() + 3000).toISOString();
  const res = await http
    .post('/v1/vacancies')
    .set(bearer(tokens.station(stationId)))
    .send(vacancyBody({ type: 'labour_station', id: stationId }, { expiresAt }))
    .expect(201);
  return { vacancyId: res.body.vacancyId as string, expiresAt };
}

describe('a platform process killed while its scheduler expires a vacancy', () => {
  const { dataDir, start } = crashSuite('scheduler-crash-', { jwtSecret: SECRET, env: SCHEDULER_ENV });
  /** Started, the projections caught up (/ready), and a few scheduler intervals gone by: then stopped. */
  const startRunAndStop = async (dir: string) => {
    const platform = await start(dir);
    await until('/ready', () =>
      platform.http
        .get('/ready')
        .then((res) => res.status === 200)
        .catch(() => false),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stopPlatform(platform);
    return platform;
  };
  const expiredEvents = async (dir: string, vacancyId: string) =>
    (await readStreams(dir, vacancyStream(vacancyId)))[0].filter((e) => e.type === 'VacancyExpired');

  it('between the decision and the append: nothing written; the next start appends it, once', async () => {
    const dir = dataDir();
    const first = await start(dir, 'scheduler-before-expiry');
    const { vacancyId, expiresAt } = await postExpiringVacancy(first.http);
    expect(await first.exited).toBe('SIGKILL');
    expect(await expiredEvents(dir, vacancyId)).toEqual([]);

    const second = await start(dir);
    await until('the scheduler to expire the vacancy', () =>
      second.output().includes(`VacancyExpired (${vacancyId})`),
    );
    await stopPlatform(second);
    const expired = await expiredEvents(dir, vacancyId);
    expect(expired.map((e) => ({ id: e.id, data: e.data }))).toEqual([
      { id: vacancyExpiredEventId(vacancyId), data: { vacancyId, expiredAt: expiresAt } },
    ]);

    await startRunAndStop(dir);
    expect(await expiredEvents(dir, vacancyId)).toHaveLength(1);
  });

  it('right after the append: the next start appends nothing more', async () => {
    const dir = dataDir();
    const first = await start(dir, 'scheduler-after-expiry');
    const { vacancyId } = await postExpiringVacancy(first.http);
    expect(await first.exited).toBe('SIGKILL');
    expect(await expiredEvents(dir, vacancyId)).toHaveLength(1);

    const second = await startRunAndStop(dir);
    expect(second.output()).not.toContain(`VacancyExpired (${vacancyId})`);
    expect(await expiredEvents(dir, vacancyId)).toHaveLength(1);
  });
});
