import { birthDateOfResidentId, isValidResidentIdNumber } from '@contracts/values';
import { createRng } from './prng';
import { ResidentIdAllocator } from './resident-ids';

describe('ResidentIdAllocator', () => {
  it('issues valid numbers with the county prefix, the birth year and the gender parity', () => {
    const ids = new ResidentIdAllocator('520402');
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const gender = i % 2 === 0 ? 'female' : 'male';
      const id = ids.issue(rng, 1980 + (i % 30), gender);
      expect(isValidResidentIdNumber(id)).toBe(true);
      expect(id.startsWith('520402')).toBe(true);
      expect(birthDateOfResidentId(id)?.slice(0, 4)).toBe(String(1980 + (i % 30)));
      expect(Number(id[16]) % 2).toBe(gender === 'male' ? 1 : 0);
    }
  });

  it('never issues the same number twice, even past 499 people born on one day', () => {
    const ids = new ResidentIdAllocator('520524');
    // A generator that always answers 0 puts everyone on 1 January.
    const sameDay = { ...createRng(1), int: (min: number) => min };
    const issued = Array.from({ length: 1200 }, () => ids.issue(sameDay, 1990, 'female'));
    expect(new Set(issued).size).toBe(1200);
    expect(issued.every(isValidResidentIdNumber)).toBe(true);
    expect(issued[1199].slice(6, 14)).toBe('19900103');
  });
});
