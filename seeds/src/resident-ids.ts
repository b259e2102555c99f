import { residentIdCheckCharacter } from '@contracts/values';
import type { Gender } from '@contracts/values';
import type { Rng } from './prng';

/**
 * Synthetic but valid PRC resident ID numbers (GB 11643): county code, birth date, a 3-digit sequence
 * (odd for men, even for women) and the MOD 11-2 check character from contracts/. Unique within an
 * allocator: one allocator per county, as the county code prefixes every number it issues.
 */
export class ResidentIdAllocator {
  private readonly used = new Map<string, number>();

  constructor(private readonly countyCode: string) {
    if (!/^\d{6}$/.test(countyCode)) throw new RangeError(`Not a region code: ${countyCode}`);
  }

  issue(rng: Rng, birthYear: number, gender: Gender): string {
    const dayOfYear = rng.int(0, daysIn(birthYear) - 1);
    // 499 numbers per day and gender (001–997 odd, 002–998 even); a full day passes to the next.
    for (let offset = 0; ; offset++) {
      const date = dateOf(birthYear, (dayOfYear + offset) % daysIn(birthYear));
      const key = `${date}${gender}`;
      const taken = this.used.get(key) ?? 0;
      if (taken >= 499) continue;
      this.used.set(key, taken + 1);
      const sequence = gender === 'male' ? 2 * taken + 1 : 2 * taken + 2;
      const first17 = `${this.countyCode}${date}${String(sequence).padStart(3, '0')}`;
      return first17 + residentIdCheckCharacter(first17);
    }
  }
}

const daysIn = (year: number): number =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;

function dateOf(year: number, dayOfYear: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
