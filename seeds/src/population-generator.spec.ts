import {
  certifyWorkshopBody,
  householdBodyAt,
  postVacancyBody,
  registerLabourStationBody,
  reportEmploymentBody,
} from '@contracts/http';
import { birthDateOfResidentId, isValidResidentIdNumber } from '@contracts/values';
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
  const demo = [...generatePopulation({ scale: 'demo' })];

  it('is deterministic: the same options give the same commands, another seed gives other people', () => {
    const options: PopulationOptions = { scale: 'county', county: '520402', households: 300, seed: 42 };
    expect(take(3000, options)).toEqual(take(3000, options));
    expect([...generatePopulation({ scale: 'demo' })]).toEqual(demo);
    const households = (seed: number) =>
      [...generatePopulation({ ...options, seed })].filter((c) => c.kind === 'registerHousehold');
    expect(households(43)).not.toEqual(households(42));
  });

  it('emits commands in dependency order: every ref is registered before a command names it', () => {
    const known = new Set<string>();
    const order = ['registerLabourStation', 'certifyWorkshop', 'postVacancy', 'registerHousehold'];
    let phase = 0;
    for (const command of demo) {
      if (command.kind === 'reportEmployment') {
        expect(known.has(command.householdRef)).toBe(true);
        if (command.via?.startsWith('station-') || command.via?.startsWith('ws-')) {
          expect(known.has(command.via)).toBe(true);
        }
        continue;
      }
      const at = order.indexOf(command.kind);
      expect(at).toBeGreaterThanOrEqual(phase);
      phase = at;
      if (command.kind === 'postVacancy' && command.sourceRef)
        expect(known.has(command.sourceRef)).toBe(true);
      known.add(command.ref);
    }
    expect(phase).toBe(3);
  });

  it('produces bodies the HTTP schemas accept (contracts/src/http)', () => {
    const household = householdBodyAt(() => 2025);
    for (const command of demo) {
      const schema = {
        registerLabourStation: registerLabourStationBody,
        certifyWorkshop: certifyWorkshopBody,
        postVacancy: postVacancyBody,
        registerHousehold: household,
        reportEmployment: reportEmploymentBody,
      }[command.kind];
      const result = schema.safeParse(command.body);
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

  it('gives employment that exists at registration with the registration, not as later reports', () => {
    const registered = demo.flatMap((c) => (c.kind === 'registerHousehold' ? c.body.members : []));
    expect(registered.filter((m) => m.currentEmployment).length).toBeGreaterThan(registered.length / 2);
    expect(demo.filter((c) => c.kind === 'reportEmployment')).toEqual([]);
  });

  it('keeps demo scale small enough to load in seconds: a few hundred households in 3 counties', () => {
    const households = demo.filter((c) => c.kind === 'registerHousehold');
    expect(households.length).toBeGreaterThanOrEqual(200);
    expect(households.length).toBeLessThanOrEqual(500);
    expect(new Set(households.map((c) => c.kind === 'registerHousehold' && c.body.countyCode)).size).toBe(3);
    expect(demo.length).toBeLessThan(2000);
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
});
