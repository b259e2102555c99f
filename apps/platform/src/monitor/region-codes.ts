import { isGuizhouCountyCode, isGuizhouPrefectureCode } from '@contracts';
import { HttpProblem } from '@lib/http';

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
