import fc from 'fast-check';
import { completeCreditCode, isValidCreditCode } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import { employerDecider, employerIdOf } from './employer.decider';

const now = '2026-03-01T08:00:00Z';
const CODE = '91350100M000100Y43';
const register = {
  type: 'RegisterEmployer' as const,
  employerId: employerIdOf(CODE),
  name: '广州市白云区华盛制衣有限公司',
  creditCode: CODE,
  industry: '纺织服装',
  province: '广东省',
  city: '广州市',
  contact: { name: '陈经理', phone: '020-36061234' },
  now,
};
const { type: _type, now: _now, ...data } = register;
const registered = { type: 'EmployerRegistered' as const, data: { ...data, registeredAt: now } };

describe('employer decider', () => {
  it('registers an employer under the id derived from its credit code', () =>
    given(employerDecider).when(register).then([registered]));

  it('refuses the same credit code twice, naming the field', () =>
    given(employerDecider, [registered])
      .when({ ...register, name: '另一个名字' })
      .thenRejects('already_exists', /91350100M000100Y43/, { field: 'creditCode' }));

  it('refuses a credit code with a wrong check character', () =>
    given(employerDecider)
      .when({ ...register, creditCode: '91350100M000100Y44', employerId: employerIdOf('91350100M000100Y44') })
      .thenRejects('invalid_value', /check character/, { field: 'creditCode' }));

  it('refuses a credit code of the right check character but no structure (all zeros)', () =>
    given(employerDecider)
      .when({ ...register, creditCode: '0'.repeat(18), employerId: employerIdOf('0'.repeat(18)) })
      .thenRejects('invalid_value', /character 1/, { field: 'creditCode' }));

  it('refuses an id that is not derived from the code', () =>
    given(employerDecider)
      .when({ ...register, employerId: 'some-other-id' })
      .thenRejects('invalid_value', undefined, { field: 'employerId' }));
});

describe('credit codes (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '914403001922038216', '91440300708461136T'])(
    'accepts the published code %s',
    (code) => expect(isValidCreditCode(code)).toBe(true),
  );

  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  // Authority, kind, region and an organisation code's first 8: the check characters are computed.
  const first16 = fc
    .tuple(
      fc.constantFrom(...'123456789ANY'),
      fc.constantFrom(...'123456789'),
      fc.integer({ min: 100000, max: 899999 }),
      fc.string({ unit: fc.constantFrom(...alphabet), minLength: 8, maxLength: 8 }),
    )
    .map(([authority, kind, region, organisation]) => `${authority}${kind}${region}${organisation}`);
  const first17 = first16.map((head) => completeCreditCode(head).slice(0, 17));

  it('accepts every well-formed code with its computed check character and no other', () =>
    fc.assert(
      fc.property(first16, fc.constantFrom(...alphabet), (head, last) => {
        const code = completeCreditCode(head);
        expect(isValidCreditCode(code.slice(0, 17) + last)).toBe(last === code[17]);
      }),
    ));

  it('derives one id per code', () =>
    fc.assert(
      fc.property(first17, first17, (a, b) => {
        expect(employerIdOf(a) === employerIdOf(b)).toBe(a === b);
      }),
    ));
});
