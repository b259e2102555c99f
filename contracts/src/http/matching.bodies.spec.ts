import { errorBody, parseRequest } from './errors';
import { endPlacementBody, matchPlanBody, placeWorkerBody, rankingQuery } from './matching.bodies';

const HOUSEHOLD = '7f9c2b1e-4a0d-4c55-9a77-1f0e6d3c2b10';

describe('matching bodies', () => {
  it('placement: worker and vacancy, optional override', () => {
    const placement = { workerId: `${HOUSEHOLD}.2`, vacancyId: 'v-1' };
    expect(placeWorkerBody.safeParse(placement).success).toBe(true);
    expect(
      placeWorkerBody.safeParse({ ...placement, overrideReason: 'closer to home', recommendationRank: 3 })
        .success,
    ).toBe(true);
    expect(placeWorkerBody.safeParse({ ...placement, workerId: HOUSEHOLD }).success).toBe(false);
    expect(placeWorkerBody.safeParse({ ...placement, broker: 'me' }).success).toBe(false);
    expect(placeWorkerBody.safeParse({ workerId: placement.workerId }).success).toBe(false);
  });

  it('end: a known reason', () => {
    expect(endPlacementBody.safeParse({ reason: 'welfare_term_end' }).success).toBe(true);
    expect(endPlacementBody.safeParse({ reason: 'bored' }).success).toBe(false);
  });

  it('match plan: existing Guizhou counties, no duplicates', () => {
    expect(matchPlanBody.safeParse({ counties: ['520402', '520524'] }).success).toBe(true);
    expect(matchPlanBody.safeParse({ counties: [] }).success).toBe(false);
    expect(matchPlanBody.safeParse({ counties: ['520402', '520402'] }).success).toBe(false);
    expect(matchPlanBody.safeParse({ counties: ['440106'] }).success).toBe(false);
  });

  it('ranking limit defaults to 10', () => {
    expect(rankingQuery.parse({})).toEqual({ limit: 10 });
    expect(rankingQuery.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('a refusal is the documented error body with paths and messages', () => {
    const result = parseRequest(placeWorkerBody, { vacancyId: 5, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorBody.safeParse(result.error).success).toBe(true);
    expect(result.error.error.code).toBe('validation_failed');
    expect(result.error.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'workerId', message: expect.any(String) },
        { path: 'vacancyId', message: expect.any(String) },
        { path: 'extra', message: 'Unknown field "extra"' },
      ]),
    );
  });
});
