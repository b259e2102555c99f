import { z } from 'zod';
import { isGuizhouCountyCode, isGuizhouPrefectureCode } from '@contracts';
import { canReadCountyCases, isCountyOffice, requireScope, type Principal } from '@lib/auth';
import { HttpProblem } from '@lib/http';

/** `/:code`, a region's code: which kind of region the route checks (404 for any other code). */
export const regionCodeParams = z.object({ code: z.string().max(20) }).strict();

/** 404 for a code that is not a Guizhou county (a valid code without data answers zeros instead). */
export function requireCounty(code: string): string {
  if (!isGuizhouCountyCode(code))
    throw new HttpProblem(404, 'not_found', `${code} is not a Guizhou county code`);
  return code;
}

export function requirePrefecture(code: string): string {
  if (!isGuizhouPrefectureCode(code)) {
    throw new HttpProblem(404, 'not_found', `${code} is not a Guizhou prefecture code`);
  }
  return code;
}

/**
 * The path's county, for its own county office (or the admin): 404 for a code that is not a Guizhou county,
 * 403 with `refusal` for another county's office.
 */
export function ownCounty(code: string, principal: Principal, refusal: string): string {
  const county = requireCounty(code);
  requireScope(isCountyOffice(principal, county), refusal);
  return county;
}

/**
 * The path's county, to read its cases: its own office, the admin, and its prefecture's office (read only).
 * 404 for a code that is not a Guizhou county, 403 with `refusal` for anyone else.
 */
export function readableCounty(code: string, principal: Principal, refusal: string): string {
  const county = requireCounty(code);
  requireScope(canReadCountyCases(principal, county), refusal);
  return county;
}
