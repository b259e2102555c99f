import { PosterPlacements } from './poster-placements';

const S1 = 'labour_station:s1';
const W1 = 'workshop:w1';

function placements(): PosterPlacements {
  const p = new PosterPlacements();
  p.posted(S1, 'v1');
  p.posted(S1, 'v2');
  p.posted(W1, 'v3');
  return p;
}

describe('PosterPlacements', () => {
  it('gives a poster the people placed now in its own vacancies, not in another poster’s', () => {
    const p = placements();
    p.placed('p1', 'v1', 0);
    p.placed('p2', 'v3', 1);
    expect([...p.slotsOf(S1)]).toEqual([0]);
    expect([...p.slotsOf(W1)]).toEqual([1]);
    expect([...p.slotsOf('labour_station:s9')]).toEqual([]);
  });

  it('loses sight of a person when the placement ends or is voided', () => {
    const p = placements();
    p.placed('p1', 'v1', 0);
    p.placed('p2', 'v3', 1);
    p.ended('p1');
    p.ended('p2');
    expect([...p.slotsOf(S1)]).toEqual([]);
    expect([...p.slotsOf(W1)]).toEqual([]);
  });

  it('keeps a person placed twice with one poster while either placement is active', () => {
    const p = placements();
    p.placed('p1', 'v1', 0);
    p.placed('p2', 'v2', 0);
    p.ended('p1');
    expect([...p.slotsOf(S1)]).toEqual([0]);
    p.ended('p2');
    expect([...p.slotsOf(S1)]).toEqual([]);
  });

  it('ignores the end of a job that is no placement, and a placement seen again', () => {
    const p = placements();
    p.placed('p1', 'v1', 0);
    p.ended('e-outside');
    p.placed('p1', 'v1', 0);
    expect([...p.slotsOf(S1)]).toEqual([0]);
    p.ended('p1');
    expect([...p.slotsOf(S1)]).toEqual([]);
  });
});
