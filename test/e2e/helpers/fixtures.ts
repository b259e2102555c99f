import { residentIdCheckCharacter } from '@contracts';
import { MONITOR_ACTOR } from '@lib/domain/monitor';
import type { EventStore } from '@lib/event-store';
import { EVENT_STORE } from '../../../apps/platform/src/event-store/event-store.module';

/**
 * Valid request bodies for the command endpoints (the schemas of contracts/src/http), each overridable. Counties: 520402
 * (Xixiu, Anshun) and 520524 (Zhijin, Bijie) are Guizhou county codes used throughout the e2e tests.
 */
export const COUNTY = '520402';
export const OTHER_COUNTY = '520524';
/** The first relocation site of a county (site ids are `site-<county>-<nn>`; 520402's is 彩虹社区). */
export const siteOf = (countyCode: string) => `site-${countyCode}-01`;

type Overrides<T> = { [K in keyof T]?: T[K] };

export const labourStationBody = (o: Overrides<ReturnType<typeof baseStation>> = {}) => ({
  ...baseStation(),
  ...o,
});
const baseStation = () => ({
  name: '贵州省驻广州劳务协作站',
  hostProvince: '广东省',
  hostCity: '广州市',
  managingRegionCode: '520400',
});

export const workshopBody = (countyCode = COUNTY, o: Record<string, unknown> = {}) => ({
  name: '西秀区扶贫车间',
  countyCode,
  relocationSiteId: siteOf(countyCode),
  sector: 'garments',
  ...o,
});

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

/** A vacancy body for a source; public-welfare posts get welfare terms and work in their county. */
export function vacancyBody(
  source: { type: 'labour_station' | 'workshop' | 'public_welfare'; id: string },
  o: Record<string, unknown> = {},
) {
  const welfare = source.type === 'public_welfare';
  return {
    source,
    title: welfare ? '公益性岗位保洁员' : '缝纫工',
    // 职业分类大典 codes: 4-09-08-01 保洁员, 6-05-01-03 缝纫工.
    occupation: welfare ? '4-09-08-01' : '6-05-01-03',
    skills: welfare ? [] : ['6-05-01-03'],
    location: welfare
      ? { province: '贵州省', city: '安顺市', countyCode: source.id }
      : { province: '广东省', city: '广州市', countyCode: '440106' },
    openings: 5,
    wage: { min: 4500, max: 6000, period: 'month' },
    ageRange: { min: 18, max: 60 },
    labourCapacities: welfare ? ['full', 'partial', 'weak'] : ['full', 'partial'],
    expiresAt: inAYear(),
    ...(welfare ? { welfare: { monthlySubsidy: 800, termMonths: 12 } } : {}),
    ...o,
  };
}

/** An employer of the register (a published, valid 统一社会信用代码 by default). */
export const employerBody = (o: Record<string, unknown> = {}) => ({
  name: '广州市白云区华盛制衣有限公司',
  creditCode: '91350100M000100Y43',
  industry: '纺织服装',
  province: '广东省',
  city: '广州市',
  address: '白云区太和镇大源北路 18 号',
  contact: { name: '陈经理', phone: '020-36061234' },
  ...o,
});

let sequence = 0;

/**
 * A valid resident ID number (checksum right), different on every call, of a person born in `birthYear`
 * with `gender` (the sequence's last digit is odd for men, even for women).
 */
export function idNumber(birthYear = 1986, region = '520402', gender: 'female' | 'male' = 'female'): string {
  // One person per number: a number registered twice is refused (ADR 0004). 28 days × 12 months × 499.
  sequence = (sequence + 1) % (499 * 28 * 12);
  const day = Math.floor(sequence / 499);
  const date = `${String((day % 12) + 1).padStart(2, '0')}${String(Math.floor(day / 12) + 1).padStart(2, '0')}`;
  const serial = (sequence % 499) * 2 + (gender === 'male' ? 1 : 2);
  const first17 = `${region}${birthYear}${date}${String(serial).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The same ID number with a wrong check character. */
export function withBadChecksum(id: string): string {
  const last = id[17];
  return id.slice(0, 17) + (last === '0' ? '1' : '0');
}

/** A member; the ID number, birth year and gender agree (a given ID number sets the birth year). */
export const memberBody = (o: Record<string, unknown> = {}) => {
  const given = typeof o.idNumber === 'string' ? o.idNumber : undefined;
  const birthYear = typeof o.birthYear === 'number' ? o.birthYear : given ? Number(given.slice(6, 10)) : 1986;
  const gender = o.gender === 'male' || (given && Number(given[16]) % 2 === 1) ? 'male' : 'female';
  return {
    name: '张三',
    idNumber: given ?? idNumber(birthYear, '520402', gender),
    birthYear,
    gender,
    labourCapacity: 'full',
    skills: ['6-05-01-03'], // 缝纫工
    preference: 'any',
    expectedMonthlyWage: 3500,
    ...o,
  };
};

export const householdBody = (
  countyCode = COUNTY,
  members: Record<string, unknown>[] = [memberBody(), memberBody({ name: '李四', gender: 'male' })],
) => ({ countyCode, relocationSiteId: siteOf(countyCode), members });

export const trainingBody = (o: Record<string, unknown> = {}) => ({
  name: '缝纫技能培训',
  skill: '6-05-01-03',
  completedAt: new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
  hours: 40,
  ...o,
});

export const employmentReportBody = (o: Record<string, unknown> = {}) => ({
  channel: 'flexible',
  source: 'declaration',
  startDate: new Date().toISOString().slice(0, 10),
  ...o,
});

/** The app's event store, to check what a request appended (or did not). */
export const eventStoreOf = (app: { get(token: string): unknown }): EventStore =>
  app.get(EVENT_STORE) as EventStore;

/** The types of a stream's events, in order. */
export const streamTypes = async (
  app: { get(token: string): unknown },
  streamId: string,
): Promise<string[]> => (await eventStoreOf(app).readStream(streamId)).map((e) => e.type);

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The position of the last event a command appended. The employment monitor appends its own events (cases
 * opened and cleared, subsidies) a moment after a command, so "did this request append anything" and "is
 * this the command's position" are judged on the commands' events only.
 */
export async function lastCommandPosition(app: { get(token: string): unknown }): Promise<string> {
  let last = 0n;
  for await (const event of eventStoreOf(app).readAll()) {
    if ((event.metadata as { actor?: { id?: string } }).actor?.id !== MONITOR_ACTOR.id) last = event.position;
  }
  return last.toString();
}
