import { z } from 'zod';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters over 31 (the digits and the capitals without I, O, S, V, Z).
 * Character 1 is the registering authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他; 2-8, A and N other
 * authorities), 2 the kind of body under it (1-9), 3-8 the administrative region (GB/T 2260, six digits from
 * 100000), 9-17 the organisation code (GB 11714: eight characters and their own check character, a digit or
 * X), and 18 a check character computed from the first 17 with the standard's weights (3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** GB 11714's weights for the eight characters of an organisation code. */
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character for the first 17 characters (throws on a character outside the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('Expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = VALUE.get(first17[i]);
    if (value === undefined) throw new RangeError(`Not a credit code character: ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * GB 11714's check character for an organisation code's first 8 characters: a digit is its value, a capital
 * A-Z 10-35; 11 minus the weighted sum mod 11, 10 written X and 11 written 0.
 */
export function organisationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('Expected 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORGANISATION_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A whole credit code from its first 16 characters: the organisation code's check, then the code's. */
export function completeCreditCode(first16: string): string {
  if (first16.length !== 16) throw new RangeError('Expected 16 characters');
  const first17 = first16 + organisationCodeCheckCharacter(first16.slice(8));
  return first17 + creditCodeCheckCharacter(first17);
}

export type CreditCodeProblem =
  'format' | 'authority' | 'kind' | 'region' | 'organisation_code' | 'check_character';

/** The first problem with a credit code, or null when it is valid. Lowercase letters are not accepted. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return 'format';
  if (!/^[1-9ANY]$/.test(code[0])) return 'authority';
  if (!/^[1-9]$/.test(code[1])) return 'kind';
  if (!/^[1-8]\d{5}$/.test(code.slice(2, 8))) return 'region';
  if (organisationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return 'organisation_code';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check_character';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

export const CREDIT_CODE_MESSAGES: Readonly<Record<CreditCodeProblem, string>> = {
  format:
    '统一社会信用代码 must be 18 characters of 0-9 and the capitals A-Y without I, O, S, V, Z (GB 32100-2015)',
  authority: '统一社会信用代码 character 1 must be a registering authority: 1-9, A, N or Y (GB 32100-2015)',
  kind: '统一社会信用代码 character 2 must be the kind of body, 1-9 (GB 32100-2015)',
  region: '统一社会信用代码 characters 3-8 must be an administrative region code, 100000-899999 (GB/T 2260)',
  organisation_code:
    '统一社会信用代码 characters 9-17 must be an organisation code with its check character (GB 11714)',
  check_character: '统一社会信用代码 check character is wrong (GB 32100-2015)',
};

export const creditCode = z
  .string()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  })
  .meta({ example: '91350100M000100Y43' });
