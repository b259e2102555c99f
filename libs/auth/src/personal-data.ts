import type { Principal } from './principal';

/**
 * Who sees a person's name and phone. Those who answer for a household see it whole: the office of its
 * county and the brokers who cover that county. The admin sees names masked in lists and whole on a record's
 * own page, and so does a prefecture's office for its own counties. A station or workshop sees only the people placed in its own vacancies NOW: a placement ended or
 * voided takes the name away again (a person placed twice with it stays while either placement is active;
 * ADR 0011). That depends on the placements: the caller passes `placedWithCaller`. Everyone else sees no
 * name at all.
 */
export type NameVisibility = 'whole' | 'masked' | 'none';

export interface PersonalDataContext {
  /** The household's county. */
  readonly countyCode: string;
  /** A list (masked for the admin) or the record's own page (whole for the admin). */
  readonly view: 'list' | 'record';
  /** The person is placed now (not ended, not voided) in a vacancy of the calling station or workshop. */
  readonly placedWithCaller?: boolean;
}

export function nameVisibility(principal: Principal, ctx: PersonalDataContext): NameVisibility {
  switch (principal.role) {
    case 'county_office':
      return principal.countyCode === ctx.countyCode ? 'whole' : 'none';
    case 'broker':
      return principal.counties === 'all' || principal.counties.includes(ctx.countyCode) ? 'whole' : 'none';
    case 'admin':
      return ctx.view === 'record' ? 'whole' : 'masked';
    // A prefecture's office oversees its counties as the admin does the province: masked in lists.
    case 'prefecture_office':
      if (principal.prefectureCode !== `${ctx.countyCode.slice(0, 4)}00`) return 'none';
      return ctx.view === 'record' ? 'whole' : 'masked';
    case 'station':
    case 'workshop':
      return ctx.placedWithCaller ? 'whole' : 'none';
  }
}

/** 王秀英 → 王*英, 王芳 → 王*, 欧阳娜娜 → 欧**娜: the family name and the last character stay. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The name as this principal may see it; null when it may not see the person at all. */
export function visibleName(name: string, visibility: NameVisibility): string | null {
  if (visibility === 'whole') return name;
  return visibility === 'masked' ? maskName(name) : null;
}
