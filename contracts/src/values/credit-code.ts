import { z } from 'zod';

/**
 * 统一社会信用代码, GB 32100-2015: 18 characters over 31 (the digits and the capitals without I, O, S, V, Z);
 * the 18th is a check character computed from the first 17 with the standard's weights (3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

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

export type CreditCodeProblem = 'format' | 'check_character';

/** The first problem with a credit code, or null when it is valid. Lowercase letters are not accepted. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) return 'format';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check_character';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

const MESSAGES: Record<CreditCodeProblem, string> = {
  format:
    '统一社会信用代码 must be 18 characters of 0-9 and the capitals A-Y without I, O, S, V, Z (GB 32100-2015)',
  check_character: '统一社会信用代码 check character is wrong (GB 32100-2015)',
};

export const creditCode = z
  .string()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: MESSAGES[problem] });
  })
  .meta({ example: '91350100M000100Y43' });
