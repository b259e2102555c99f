import {
  birthDateOfResidentId,
  isValidResidentIdNumber,
  residentIdCheckCharacter,
  residentIdNumber,
  residentIdProblem,
} from './resident-id-number';

describe('resident ID number (GB 11643-1999)', () => {
  it('computes the ISO 7064 MOD 11-2 check character (the standard example ends in X)', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('52040219860315002')).toBe('8');
  });

  it.each([
    '11010519491231002X',
    '520402198603150028',
    '522701197708240019',
    '520402200002290041',
    '52052419900101123x',
  ])('accepts %s', (id) => expect(isValidResidentIdNumber(id)).toBe(true));

  it.each([
    ['520402198603150027', 'check_digit'],
    ['110105194912310021', 'check_digit'],
    ['52040219860315002', 'format'],
    ['5204021986031500288', 'format'],
    ['52040219860315002Y', 'format'],
    ['990402198603150028', 'region'],
    ['520402199002300028', 'birth_date'], // 30 February
    ['520402190002290028', 'birth_date'], // 1900 was not a leap year
    ['520402185001010028', 'birth_date'],
  ])('refuses %s (%s)', (id, problem) => expect(residentIdProblem(id)).toBe(problem));

  it('reads the birth date', () => {
    expect(birthDateOfResidentId('520402200002290041')).toBe('2000-02-29');
  });

  it('normalises x to X and explains refusals', () => {
    expect(residentIdNumber.parse('52052419900101123x')).toBe('52052419900101123X');
    expect(residentIdNumber.safeParse('520402198603150027').error?.issues[0].message).toMatch(/check digit/);
  });
});
