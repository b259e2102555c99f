import {
  certifyWorkshopBody,
  registerEmployerBody,
  endEmploymentBody,
  householdBodyAt,
  postVacancyBody,
  recordFollowUpBody,
  registerLabourStationBody,
  reportEmploymentBody,
} from '@contracts/http';
import { birthDateOfResidentId, isValidCreditCode, isValidResidentIdNumber } from '@contracts/values';
import { GUIZHOU_COUNTIES, prefectureOfCounty } from '@contracts/regions/guizhou-divisions';
import { generatePopulation, type PopulationOptions } from './population-generator';
import type { SeedCommand } from './seed-commands';

const take = (n: number, options: PopulationOptions): SeedCommand[] => {
  const out: SeedCommand[] = [];
  for (const command of generatePopulation(options)) {
    if (out.length >= n) break;
    out.push(command);
  }
  return out;
};

describe('generatePopulation', () => {
  const now = '2026-03-10T04:00:00.000Z';
  const demo = [...generatePopulation({ scale: 'demo', now })];

  it('is deterministic: the same options give the same commands, another seed gives other people', () => {
    const options: PopulationOptions = { scale: 'county', county: '520402', households: 300, seed: 42 };
    expect(take(3000, options)).toEqual(take(3000, options));
    expect([...generatePopulation({ scale: 'demo', now })]).toEqual(demo);
    const households = (seed: number) =>
      [...generatePopulation({ ...options, seed })].filter((c) => c.kind === 'registerHousehold');
    expect(households(43)).not.toEqual(households(42));
  });

  it('gives households an address and one head, and most members a mainland mobile, all valid bodies', () => {
    const registrations = demo.flatMap((c) => (c.kind === 'registerHousehold' ? [c.body] : []));
    const members = registrations.flatMap((b) => b.members);
    for (const body of registrations) {
      expect(body.address).toMatch(/^\d+栋\d单元\d+0\d$/);
      expect(body.members.filter((m) => m.relationToHead === 'head')).toHaveLength(1);
      expect(householdBodyAt(() => 2026).safeParse(body).success).toBe(true);
    }
    const phones = members.flatMap((m) => (m.phone === undefined ? [] : [m.phone]));
    expect(phones.length / members.length).toBeGreaterThan(0.9);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(phones).size).toBeGreaterThan(phones.length * 0.99);
  });

  it('emits commands in dependency order: every ref is registered before a command names it', () => {
    const known = new Set<string>();
    const order = [
      'registerLabourStation',
      'certifyWorkshop',
      'registerEmployer',
      'postVacancy',
      'registerHousehold',
    ];
    let phase = 0;
    for (const command of demo) {
      if ('householdRef' in command) {
        expect(known.has(command.householdRef)).toBe(true);
        if (command.kind === 'placeWorker') expect(known.has(command.vacancyRef)).toBe(true);
        continue;
      }
      const at = order.indexOf(command.kind);
      expect(at).toBeGreaterThanOrEqual(phase);
      phase = at;
      if (command.kind === 'postVacancy' && command.sourceRef)
        expect(known.has(command.sourceRef)).toBe(true);
      if (command.kind === 'postVacancy' && command.employerRef)
        expect(known.has(command.employerRef)).toBe(true);
      known.add(command.ref);
    }
    expect(phase).toBe(4);
  });

  it('produces bodies the HTTP schemas accept (contracts/src/http)', () => {
    const household = householdBodyAt(() => 2025);
    for (const command of demo) {
      const schema = {
        registerLabourStation: registerLabourStationBody,
        certifyWorkshop: certifyWorkshopBody,
        registerEmployer: registerEmployerBody,
        postVacancy: postVacancyBody,
        registerHousehold: household,
        reportEmployment: reportEmploymentBody,
        endEmployment: endEmploymentBody,
        recordFollowUp: recordFollowUpBody,
      };
      if (command.kind === 'placeWorker') continue; // its body is ids the loader fills in
      const result = schema[command.kind].safeParse(command.body);
      expect(result.error?.issues ?? []).toEqual([]);
    }
  });

  it('gives every member a valid, unique ID number with the county prefix and the birth year', () => {
    const ids = new Set<string>();
    for (const command of demo) {
      if (command.kind !== 'registerHousehold') continue;
      for (const member of command.body.members) {
        expect(isValidResidentIdNumber(member.idNumber)).toBe(true);
        expect(member.idNumber.slice(0, 6)).toBe(command.body.countyCode);
        expect(birthDateOfResidentId(member.idNumber)?.slice(0, 4)).toBe(String(member.birthYear));
        ids.add(member.idNumber);
      }
    }
    const members = demo.flatMap((c) => (c.kind === 'registerHousehold' ? c.body.members : []));
    expect(ids.size).toBe(members.length);
  });

  it('keeps weak labour to public-welfare and flexible work (the weak_capacity placement rule)', () => {
    const capacity = new Map<string, string>();
    for (const command of demo) {
      if (command.kind === 'registerHousehold') {
        command.body.members.forEach((m, i) => capacity.set(`${command.ref}.${i + 1}`, m.labourCapacity));
        for (const m of command.body.members) {
          if (!m.currentEmployment) continue;
          expect(m.labourCapacity).not.toBe('none');
          if (m.labourCapacity === 'weak')
            expect(['public_welfare', 'flexible']).toContain(m.currentEmployment.channel);
        }
      } else if (command.kind === 'reportEmployment') {
        const of = capacity.get(`${command.householdRef}.${command.memberNo}`);
        expect(of).not.toBe('none');
        if (of === 'weak') expect(['public_welfare', 'flexible']).toContain(command.body.channel);
      }
    }
  });

  it('gives employment that exists at registration with the registration; a report is employment found later', () => {
    const registered = demo.flatMap((c) => (c.kind === 'registerHousehold' ? c.body.members : []));
    expect(registered.filter((m) => m.currentEmployment).length).toBeGreaterThan(registered.length / 2);
    const registeredAt = new Map(demo.flatMap((c) => (c.kind === 'registerHousehold' ? [[c.ref, c.at ?? '']] : []))); // prettier-ignore
    for (const c of demo) {
      if (c.kind === 'reportEmployment')
        expect((c.at ?? '') > (registeredAt.get(c.householdRef) ?? '')).toBe(true);
    }
    const county = [...generatePopulation({ scale: 'county', county: '520402', households: 50 })];
    expect(county.filter((c) => c.kind === 'reportEmployment' || c.at !== undefined)).toEqual([]);
  });

  it('keeps demo scale small enough to load in seconds: every county of Anshun and one each in two more prefectures', () => {
    const households = demo.filter((c) => c.kind === 'registerHousehold');
    expect(households.length).toBeGreaterThanOrEqual(500);
    expect(households.length).toBeLessThanOrEqual(800);
    const counties = new Set(households.map((c) => c.kind === 'registerHousehold' && c.body.countyCode));
    const anshun = GUIZHOU_COUNTIES.filter((c) => c.prefectureCode === '520400').map((c) => c.code);
    expect(anshun.length).toBe(6);
    for (const code of anshun) expect(counties.has(code)).toBe(true);
    const prefectures = new Set([...counties].map((code) => prefectureOfCounty(String(code))?.code));
    expect(prefectures.size).toBe(3);
    expect(demo.length).toBeLessThan(2500);
  });

  it('dates the demo over 90 days up to now, in order, in office hours in Guizhou', () => {
    const ats = demo.map((c) => c.at ?? '');
    expect(ats.every((at) => /^\d{4}-\d\d-\d\dT/.test(at))).toBe(true);
    expect([...ats].sort()).toEqual(ats);
    expect(ats[ats.length - 1] <= now).toBe(true);
    expect(Date.parse(now) - Date.parse(ats[0])).toBeLessThanOrEqual(90 * 86_400_000);
    expect(Date.parse(now) - Date.parse(ats[0])).toBeGreaterThan(88 * 86_400_000);
    for (const at of ats) {
      const hour = (new Date(at).getUTCHours() + 8) % 24;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(20);
    }
    // Returnees: ends on days all over the window, and the jobs found again after them.
    const days = (kind: string) =>
      new Set(demo.filter((c) => c.kind === kind).map((c) => c.at?.slice(0, 10)));
    expect(days('endEmployment').size).toBeGreaterThanOrEqual(40);
    expect(days('placeWorker').size).toBeGreaterThanOrEqual(30);
    // Another end of the history cuts it elsewhere: nothing after it.
    const earlier = [...generatePopulation({ scale: 'demo', now: '2026-03-01T04:00:00.000Z' })];
    expect(earlier.every((c) => (c.at ?? '') <= '2026-03-01T04:00:00.000Z')).toBe(true);
  });

  it('posts enough vacancies at province scale for matching: >= 20,000 vacancies, >= 100,000 openings', () => {
    let vacancies = 0;
    let openings = 0;
    for (const command of generatePopulation({ scale: 'province' })) {
      if (command.kind === 'registerHousehold') break;
      if (command.kind !== 'postVacancy') continue;
      vacancies++;
      openings += command.body.openings;
    }
    expect(vacancies).toBeGreaterThanOrEqual(20_000);
    expect(openings).toBeGreaterThanOrEqual(100_000);
  });

  it('registers the partner cities’ employers with valid credit codes and names one in every station vacancy, every detail filled', () => {
    const employers = demo.filter((c) => c.kind === 'registerEmployer');
    expect(employers.length).toBeGreaterThan(50);
    const codes = employers.map((c) => c.body.creditCode);
    expect(codes.every(isValidCreditCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(employers.map((c) => c.body.name)).size).toBe(employers.length);
    const cities = new Set(employers.map((c) => c.body.city));
    for (const city of ['广州市', '深圳市', '宁波市', '苏州市', '大连市']) expect(cities).toContain(city);
    const employerCity = new Map(employers.map((c) => [c.ref, c.body.city]));
    const vacancies = demo.filter((c) => c.kind === 'postVacancy');
    for (const v of vacancies) {
      if (v.body.source.type === 'labour_station') {
        expect(employerCity.get(v.employerRef ?? '')).toBe(v.body.location.city);
      } else expect(v.employerRef).toBeUndefined();
      for (const field of [
        'description',
        'workingHours',
        'contractTerms',
        'socialInsurance',
        'meals',
        'contact',
      ])
        expect(v.body).toHaveProperty(field);
    }
  });
});
