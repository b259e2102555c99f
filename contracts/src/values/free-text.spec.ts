import { freeText, freeTextProblem, normaliseFreeText } from './free-text';

describe('free text', () => {
  it('is normalised: NFC, CRLF as LF, trimmed (ideographic spaces too)', () => {
    expect(normaliseFreeText('\u3000 Rene\u0301e \r\n')).toBe('Ren\u00e9e');
    expect(normaliseFreeText('一\r\n二\r三')).toBe('一\n二\n三');
  });

  it.each([
    ['王秀英', undefined],
    ['阿依古丽·买买提', undefined],
    ['薪资 < 5000', undefined],
    ['\u200b\u200d', 'invisible'],
    ['王\u202e英', 'invisible'],
    ['王\u2066英', 'invisible'],
    ['王\u0000英', 'control'],
    ['王\u001b[31m英', 'control'],
    ['王\ud800英', 'control'],
    ['王\udc00英', 'control'],
    ['王\ue000英', 'control'],
    ['王\u0378英', 'control'],
    ['王\u2028英', 'control'],
    ['一\n二', 'control'],
    ['<script>alert(1)</script>', 'markup'],
    ['</b>', 'markup'],
    ['< img src=x>', 'markup'],
    ['<!-- x -->', 'markup'],
    ['---', 'no_content'],
  ])('%j: %s', (text, problem) => {
    expect(freeTextProblem(text)).toBe(problem);
  });

  it('a multi-line text keeps its line feeds and tabs, and nothing else of the controls', () => {
    expect(freeTextProblem('一\n\t二', { multiline: true })).toBeUndefined();
    expect(freeTextProblem('一\u000b二', { multiline: true })).toBe('control');
  });

  it('a name needs a letter; other text a letter or a digit', () => {
    expect(freeTextProblem('12345', { needs: 'letter' })).toBe('no_content');
    expect(freeTextProblem('12345')).toBeUndefined();
  });

  it('the schema normalises before it counts and checks', () => {
    const name = freeText(3, { needs: 'letter' });
    expect(name.parse('  王秀英  ')).toBe('王秀英');
    expect(name.safeParse('王秀英王').success).toBe(false);
    expect(name.safeParse(' \u3000 ').success).toBe(false);
    expect(name.safeParse('\u200b').error?.issues[0].message).toMatch(/invisible/);
  });

  it('tells a field of spaces only that it is empty, and nothing else', () => {
    const result = freeText(100).safeParse(' \u3000 ');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['must not be empty']);
  });
});
