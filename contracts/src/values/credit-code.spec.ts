import fc from 'fast-check';
import {
  completeCreditCode,
  creditCode,
  creditCodeCheckCharacter,
  creditCodeProblem,
  organisationCodeCheckCharacter,
} from './credit-code';

const PUBLISHED = ['91350100M000100Y43', '914403001922038216', '91440300708461136T'];

/** The code with its check character made right again after a change to the first 17. */
const rechecked = (code: string): string => code.slice(0, 17) + creditCodeCheckCharacter(code.slice(0, 17));

describe('credit codes (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => expect(creditCodeProblem(code)).toBeNull());

  it('computes the published organisation codes’ check characters (GB 11714)', () => {
    expect(PUBLISHED.map((c) => organisationCodeCheckCharacter(c.slice(8, 16)))).toEqual(
      PUBLISHED.map((c) => c[16]),
    );
    expect(PUBLISHED.map((c) => completeCreditCode(c.slice(0, 16)))).toEqual(PUBLISHED);
  });

  it('writes an organisation check of 10 as X and of 11 as 0', () => {
    // 1×3 + A(10)×2 = 23 ≡ 1 (mod 11): 11 − 1 = 10, X. 1×3 + 4×2 = 11 ≡ 0: 11 − 0 = 11, 0.
    expect(organisationCodeCheckCharacter('1000000A')).toBe('X');
    expect(organisationCodeCheckCharacter('10000004')).toBe('0');
    expect(organisationCodeCheckCharacter('10000000')).toBe('8');
  });

  it('refuses all zeros, though its check character is right', () => {
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0');
    expect(creditCodeProblem('0'.repeat(18))).toBe('authority');
  });

  it('names the part that is wrong: authority, kind, region, organisation code, check character', () => {
    const code = PUBLISHED[0];
    const at = (i: number, c: string) => rechecked(code.slice(0, i) + c + code.slice(i + 1));
    expect(creditCodeProblem(at(0, '0'))).toBe('authority');
    expect(creditCodeProblem(at(0, 'B'))).toBe('authority');
    expect(creditCodeProblem(at(1, '0'))).toBe('kind');
    expect(creditCodeProblem(at(2, '0'))).toBe('region');
    expect(creditCodeProblem(at(2, '9'))).toBe('region');
    expect(creditCodeProblem(at(3, 'A'))).toBe('region');
    expect(creditCodeProblem(at(16, '5'))).toBe('organisation_code');
    expect(creditCodeProblem(at(10, '1'))).toBe('organisation_code');
    expect(creditCodeProblem(code.slice(0, 17) + '4')).toBe('check_character');
    expect(creditCodeProblem(code.toLowerCase())).toBe('format');
    for (const authority of [...'123456789ANY']) expect(creditCodeProblem(at(0, authority))).toBeNull();
  });

  it('answers a zod issue on the field it validates, in the message county offices read', () => {
    const result = creditCode.safeParse('0'.repeat(18));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^统一社会信用代码 character 1/);
  });

  it('finds a wrong organisation check character in any well-formed code', () =>
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'),
          minLength: 8,
          maxLength: 8,
        }),
        fc.constantFrom(...'0123456789X'),
        (organisation, check) => {
          const right = completeCreditCode(`91520402${organisation}`);
          const code = rechecked(right.slice(0, 16) + check);
          expect(creditCodeProblem(code)).toBe(check === right[16] ? null : 'organisation_code');
        },
      ),
    ));
});
