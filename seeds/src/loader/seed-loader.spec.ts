import { setTimeout as sleep } from 'node:timers/promises';
import { generatePopulation } from '../population-generator';
import type { SeedCommand } from '../seed-commands';
import { loadSeed, SeedValidationError } from './seed-loader';
import type { SeedTarget } from './seed-target';

/** A target that records what it was sent and answers ids `<kind>-<n>`, after a random short delay. */
function recordingTarget(delayMs = 3) {
  const sent: { kind: string; workerId?: string; body: unknown; at?: string }[] = [];
  let n = 0;
  const answer = async (kind: string, body: unknown, at?: string, workerId?: string): Promise<string> => {
    await sleep(Math.floor(Math.random() * delayMs));
    sent.push({ kind, body, ...(workerId ? { workerId } : {}), ...(at ? { at } : {}) });
    return `${kind}-${++n}`;
  };
  const target: SeedTarget = {
    registerLabourStation: (body, at) => answer('station', body, at),
    certifyWorkshop: (body, at) => answer('workshop', body, at),
    registerEmployer: (body, at) => answer('employer', body, at),
    postVacancy: (body, at) => answer('vacancy', body, at),
    registerHousehold: (body, at) => answer('household', body, at),
    reportEmployment: (workerId, body, at) => answer('employment', body, at, workerId),
    placeWorker: (body, at) => answer('placement', body, at, body.workerId),
    endEmployment: async (workerId, body, at) => {
      await answer('end', body, at, workerId);
    },
    recordFollowUp: async (workerId, body, at) => {
      await answer('follow-up', body, at, workerId);
    },
  };
  return { target, sent };
}

const demo = [...generatePopulation({ scale: 'demo', asOf: '2026-06-30' })];
const currentYear = () => 2026;

describe('loadSeed', () => {
  it('sends every command once, substituting the ids the target answered for the refs', async () => {
    const { target, sent } = recordingTarget();
    const result = await loadSeed(demo, target, { concurrency: 8, currentYear });
    expect(sent).toHaveLength(demo.length);
    expect(result.counts.registerHousehold).toBe(demo.filter((c) => c.kind === 'registerHousehold').length);
    // Every vacancy of a station or workshop names its platform id, never its seed ref.
    const sourceIds = new Set(
      demo.flatMap((c) =>
        c.kind === 'registerLabourStation' || c.kind === 'certifyWorkshop' ? [c.ref] : [],
      ),
    );
    expect(sourceIds.size).toBeGreaterThan(135);
    const platformIds = new Set([...sourceIds].map((ref) => result.ids.get(ref)));
    const vacancies = sent.filter((s) => s.kind === 'vacancy') as {
      body: { source: { type: string; id: string } };
    }[];
    const notWelfare = vacancies.filter((v) => v.body.source.type !== 'public_welfare');
    expect(notWelfare.length).toBeGreaterThan(0);
    for (const v of notWelfare) expect(platformIds.has(v.body.source.id)).toBe(true);
  });

  it('waits for a ref still in flight: an employment report names the household id answered', async () => {
    const household = demo.find((c) => c.kind === 'registerHousehold') as Extract<SeedCommand, { kind: 'registerHousehold' }>; // prettier-ignore
    const report: SeedCommand = {
      kind: 'reportEmployment',
      householdRef: household.ref,
      memberNo: 1,
      body: { channel: 'flexible', source: 'declaration', startDate: '2026-01-01' },
    };
    const { target, sent } = recordingTarget(20);
    await loadSeed([household, report], target, { concurrency: 4, currentYear });
    expect(sent.map((s) => s.kind)).toEqual(['household', 'employment']);
    expect(sent[1].workerId).toBe('household-1.1');
  });

  it('runs the commands of one household in stream order, each at its instant, however many are in flight', async () => {
    const { target, sent } = recordingTarget(10);
    const result = await loadSeed(demo, target, { concurrency: 16, currentYear });
    const expected = demo.flatMap((c) => ('householdRef' in c ? [{ kind: c.kind, at: c.at, household: c.householdRef }] : [])); // prettier-ignore
    expect(expected.some((c) => c.kind === 'endEmployment')).toBe(true);
    expect(expected.some((c) => c.kind === 'placeWorker')).toBe(true);
    expect(result.counts.endEmployment).toBe(expected.filter((c) => c.kind === 'endEmployment').length);
    // Per household, what the target received is in the stream's order, at the stream's instants.
    const byHousehold = (list: { at?: string; workerId?: string; household?: string }[]) => {
      const map = new Map<string, (string | undefined)[]>();
      for (const e of list) {
        const key = e.household ?? e.workerId?.split('.')[0] ?? '';
        map.set(key, [...(map.get(key) ?? []), e.at]);
      }
      return [...map.values()].map((ats) => ats.join()).sort();
    };
    const received = sent.filter((s) => s.workerId);
    expect(byHousehold(received)).toEqual(byHousehold(expected));
    for (const s of sent) expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const placed = sent.filter((s) => s.kind === 'placement') as { body: { vacancyId: string } }[];
    for (const p of placed) expect(p.body.vacancyId).toMatch(/^vacancy-\d+$/);
  });

  it('refuses a body the contract refuses before sending it, naming the command', async () => {
    const household = demo.find((c) => c.kind === 'registerHousehold') as Extract<SeedCommand, { kind: 'registerHousehold' }>; // prettier-ignore
    const bad: SeedCommand = { ...household, body: { ...household.body, countyCode: '110101' } };
    const { target, sent } = recordingTarget();
    const loading = loadSeed([bad], target, { currentYear });
    await expect(loading).rejects.toBeInstanceOf(SeedValidationError);
    await expect(loadSeed([bad], target, { currentYear })).rejects.toThrow(household.ref);
    expect(sent).toEqual([]);
  });

  it('stops at the first command the target refuses and says which', async () => {
    const { target } = recordingTarget();
    const failing: SeedTarget = {
      ...target,
      registerHousehold: () => Promise.reject(new Error('worker_already_employed')),
    };
    await expect(loadSeed(demo, failing, { currentYear })).rejects.toThrow(
      /registerHousehold hh-\d+-\d+: worker_already_employed/,
    );
  });

  it('reports progress per command, households counted apart', async () => {
    const { target } = recordingTarget(1);
    const seen: number[] = [];
    let households = 0;
    await loadSeed(demo, target, {
      currentYear,
      onProgress: (p) => {
        seen.push(p.commands);
        households = p.households;
      },
    });
    expect(seen).toEqual(demo.map((_, i) => i + 1));
    expect(households).toBe(demo.filter((c) => c.kind === 'registerHousehold').length);
  });
});
