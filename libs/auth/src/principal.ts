import { z } from 'zod';

export const ROLES = [
  'admin',
  'station',
  'workshop',
  'county_office',
  'broker',
  'prefecture_office',
] as const;
export type Role = (typeof ROLES)[number];

/** A county code of GB/T 2260: six digits. */
const CountyCode = z.string().regex(/^\d{6}$/, 'a county code has six digits');
/** A Guizhou prefecture's code: 52, two digits, 00 (520400 安顺市). */
const PrefectureCode = z.string().regex(/^52\d{2}00$/, 'a Guizhou prefecture code is 52xx00');
const Id = z.string().min(1).max(128);
const Sub = z.string().min(1).max(128);

/**
 * The claims our tokens carry besides the registered ones (iat, exp, …): who (`sub`), in which role,
 * and the scope the role acts in. A token whose role lacks its scope is invalid.
 */
export const TokenClaimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: Sub, role: z.literal('admin') }),
  z.object({ sub: Sub, role: z.literal('station'), stationId: Id }),
  z.object({ sub: Sub, role: z.literal('workshop'), workshopId: Id }),
  z.object({ sub: Sub, role: z.literal('county_office'), countyCode: CountyCode }),
  // A prefecture's office oversees its counties: it reads their figures and cases, and acts on none.
  z.object({ sub: Sub, role: z.literal('prefecture_office'), prefectureCode: PrefectureCode }),
  z.object({
    sub: Sub,
    role: z.literal('broker'),
    counties: z.union([z.literal('all'), z.array(CountyCode).min(1)]),
  }),
]);

export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/** The authenticated caller, as handlers see it: exactly the claims, without the token's bookkeeping. */
export type Principal = TokenClaims;

/** A caller who may send commands: every role but the read-only prefecture office. */
export type ActingPrincipal = Exclude<Principal, { role: 'prefecture_office' }>;

/** Parses verified token claims; extra registered claims (iat, exp) are dropped. */
export function principalFromClaims(claims: unknown): Principal | undefined {
  const result = TokenClaimsSchema.safeParse(claims);
  return result.success ? result.data : undefined;
}
