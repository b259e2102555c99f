import { ApiError } from './api';
import type { CaseTimelineEntry } from './api-types';
import { fieldOf, formErrors } from './form-errors';
import { casesEn, casesZh } from './i18n-cases';
import { parseRoute, routePath } from './router';
import { instantOf } from './time';
import { describeEntry, type TimelineWords } from './timeline-text';

const channelZh = {
  out_of_province: '省外务工',
  in_province: '省内务工',
  workshop: '帮扶车间',
  public_welfare: '公益性岗位',
  self_employed: '自主创业',
  flexible: '灵活就业',
} as const;

describe('form errors', () => {
  const fields = ['visitedAt', 'employment', 'employment.workerId', 'workerIds', 'vacancyIds'];

  it('places an issue at the longest field its path names', () => {
    expect(fieldOf('employment.workerId', fields)).toBe('employment.workerId');
    expect(fieldOf('employment.startDate', fields)).toBe('employment');
    expect(fieldOf('vacancyIds.2', fields)).toBe('vacancyIds');
    expect(fieldOf('takenBy', fields)).toBeUndefined();
  });

  it('says the platform’s refusals in Chinese next to their field', () => {
    const error = new ApiError(400, 'invalid_value', 'visitedAt is before the case was opened', [
      { path: 'visitedAt', message: 'visitedAt is before the case was opened (2026-03-01T00:00:00Z)' },
    ]);
    expect(formErrors(error, fields, casesZh.error, 'zh')).toEqual({
      fields: { visitedAt: casesZh.error.beforeOpened },
      form: undefined,
    });
    expect(formErrors(error, fields, casesEn.error, 'en').fields.visitedAt).toMatch(/before the case/);
  });

  it('says why a note is not text, in Chinese, next to it', () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid', [
      { path: 'note', message: 'Text must not hold markup (a "<" starting a tag)' },
    ]);
    expect(formErrors(error, [...fields, 'note'], casesZh.error, 'zh').fields.note).toBe(
      casesZh.error.notText,
    );
  });

  it('says a blank field is required, once (a name of spaces only is empty once trimmed)', () => {
    const error = new ApiError(400, 'validation_failed', 'The request body is not valid', [
      { path: 'note', message: 'must not be empty' },
    ]);
    expect(formErrors(error, [...fields, 'note'], casesZh.error, 'zh').fields.note).toBe(
      casesZh.error.required,
    );
  });

  it('names the facts a finding needs by the field the platform gives', () => {
    const refusal = (path: string) =>
      new ApiError(400, 'invalid_value', 'x', [
        { path, message: `A "finding" finding records the household's facts with it` },
      ]);
    expect(formErrors(refusal('workerIds'), fields, casesZh.error, 'zh').fields.workerIds).toBe(
      casesZh.error.needMembers,
    );
    expect(formErrors(refusal('employment'), fields, casesZh.error, 'zh').fields.employment).toBe(
      casesZh.error.needEmployment,
    );
  });

  it('puts a closed case, a refusal without a field and a network failure on the whole form', () => {
    const closed = new ApiError(409, 'case_closed', 'Case h:1 was cleared at …');
    expect(formErrors(closed, fields, casesZh.error, 'zh')).toEqual({
      fields: {},
      form: casesZh.error.case_closed,
    });
    const elsewhere = new ApiError(400, 'validation_failed', 'bad', [
      { path: 'takenBy', message: 'Too big' },
    ]);
    expect(formErrors(elsewhere, fields, casesZh.error, 'zh').form).toBe(
      `${casesZh.error.invalid}：${casesZh.error.tooLong}`,
    );
    expect(formErrors(new TypeError('Failed to fetch'), fields, casesZh.error, 'zh').form).toBe(
      casesZh.error.unavailable,
    );
  });
});

describe('timeline in words', () => {
  const words: TimelineWords = { ...casesZh, channel: channelZh };
  const names = {
    members: new Map([['h.1', '王芳']]),
    vacancies: new Map([
      ['v1', '缝纫工'],
      ['v2', '电子厂普工'],
    ]),
  };
  const entry = (
    type: CaseTimelineEntry['type'],
    details: Record<string, unknown>,
    by = 'county-520402',
  ) => ({
    type,
    at: '2026-03-02T10:00:00Z',
    recordedAt: '2026-03-02T10:00:00Z',
    by,
    details,
  });

  it('names the members and the vacancies offered, not their ids', () => {
    const text = describeEntry(
      entry('measure', {
        kind: 'job_recommendation',
        workerId: 'h.1',
        vacancyIds: ['v1', 'v2'],
        takenBy: '张勇',
      }),
      words,
      names,
      'zh',
    );
    expect(text).toEqual({
      title: '帮扶措施 · 岗位推荐',
      lines: ['服务对象：王芳', '推荐岗位：缝纫工、电子厂普工', '执行人：张勇'],
      by: 'county-520402',
    });
  });

  it('tells a check with the employment it found, and the platform’s own entries as the platform’s', () => {
    const found = entry('verified', {
      method: 'home_visit',
      finding: 'employed_elsewhere',
      followUp: {
        kind: 'employment_reported',
        workerId: 'h.1',
        channel: 'flexible',
        startDate: '2026-03-01',
      },
    });
    expect(describeEntry(found, words, names, 'zh').lines).toEqual([
      '已在别处就业',
      '登记就业：王芳 · 灵活就业 · 2026-03-01',
    ]);
    expect(describeEntry(entry('opened', {}, 'employment-monitor'), words, names, 'zh')).toEqual({
      title: '平台预警：发现零就业',
      lines: [],
      by: '平台',
    });
  });
});

describe('the case page’s address', () => {
  it('lives under its county, where the server serves the page', () => {
    const route = { page: 'case', area: '520402', id: 'abc-1:2' } as const;
    expect(routePath(route)).toBe('/county/520402/case/abc-1%3A2');
    expect(parseRoute(routePath(route))).toEqual(route);
    expect(parseRoute('/county/520402')).toEqual({ page: 'dashboard', area: '520402' });
  });
});

describe('a visit’s time', () => {
  const now = Date.parse('2026-03-10T12:00:40Z');
  it('is now to the second when the chosen minute is the current one', () => {
    expect(instantOf(new Date(now - 40_000).toISOString(), now)).toBe(new Date(now).toISOString());
    expect(instantOf('2026-03-09T08:30:00Z', now)).toBe('2026-03-09T08:30:00.000Z');
    expect(instantOf('', now)).toBeUndefined();
  });
});
