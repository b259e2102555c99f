import { z } from 'zod';

/**
 * PRC resident identity number, GB 11643-1999: 6-digit region code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

// First two digits of GB/T 2260 province-level codes (71 Taiwan, 81 Hong Kong, 82 Macau issue their own).
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]); // prettier-ignore

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

const PROBLEM_MESSAGES: Record<ResidentIdProblem, string> = {
  format: 'ID number must be 18 characters: 17 digits then a digit or X',
  region: 'ID number does not start with a valid province code',
  birth_date: 'ID number does not contain a valid birth date',
  check_digit: 'ID number check digit is wrong (ISO 7064 MOD 11-2)',
};

/** The first problem found with an ID number, or null when it is valid. Lowercase x is accepted. */
export function residentIdProblem(value: string): ResidentIdProblem | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return 'region';
  if (!birthDateOfResidentId(id)) return 'birth_date';
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return null;
}

export const isValidResidentIdNumber = (value: string): boolean => residentIdProblem(value) === null;

/** The birth date as `YYYY-MM-DD`, or undefined when the digits are not a calendar date from 1900 to 2099. */
export function birthDateOfResidentId(id: string): string | undefined {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * What a valid ID number says of its holder: the birth year (digits 7-10) and the gender (the 17th digit,
 * the last of the sequence: odd for men, even for women).
 */
export function identityOfResidentId(id: string): { birthYear: number; gender: 'female' | 'male' } {
  return { birthYear: Number(id.slice(6, 10)), gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** A valid ID number, normalised to uppercase X. */
export const residentIdNumber = z
  .string()
  .meta({
    description:
      'PRC resident ID number (GB 11643-1999), checksum verified; stored only as a keyed hash + last 4',
    example: '11010519491231002X',
  })
  .superRefine((value, ctx) => {
    const problem = residentIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: PROBLEM_MESSAGES[problem] });
  })
  .transform((value) => value.toUpperCase());

/** What the events keep of an ID number: its last 4 characters (never the whole number). */
export const idNumberLast4 = z.string().regex(/^\d{3}[\dX]$/, 'Last 4 characters of an ID number');

/** HMAC-SHA256 of the ID number under the configured key, lowercase hex. */
export const idNumberHash = z.string().regex(/^[0-9a-f]{64}$/, 'HMAC-SHA256 as 64 lowercase hex characters');
