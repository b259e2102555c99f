import { ApiError } from './api';
import { trainingWords } from './i18n-training';
import { chineseText, placeErrors } from './training-errors';

describe('training form errors', () => {
  const w = trainingWords('zh');
  const byField = (path: string) =>
    path === 'date' ? 'date' : path.startsWith('present.') ? 'row' : undefined;

  it('keeps the Chinese half of a bilingual message, and replaces an English one', () => {
    expect(chineseText('至少登记一名学员 / name at least one worker', 'x')).toBe('至少登记一名学员');
    expect(chineseText('Invalid ISO date', '填写有误')).toBe('填写有误');
  });

  it('puts each issue next to its place and a refusal naming none on top, in Chinese', () => {
    const dated = new ApiError(400, 'invalid_value', '考勤日期不能晚于今天', [
      { path: 'date', message: '考勤日期不能晚于今天' },
    ]);
    expect(placeErrors(dated, byField, w, 'zh')).toEqual({ fields: { date: '考勤日期不能晚于今天' } });
    const unplaced = new ApiError(409, 'course_full', '课程 c 的 2 个名额已满');
    expect(placeErrors(unplaced, byField, w, 'zh')).toEqual({ fields: {}, form: '课程 c 的 2 个名额已满' });
    const forbidden = new ApiError(403, 'forbidden', 'Only the county office may');
    expect(placeErrors(forbidden, byField, w, 'zh').form).toBe(w.errors.forbidden);
    expect(placeErrors(new Error('offline'), byField, w, 'zh').form).toBe(w.errors.unavailable);
  });

  it('says a refusal about a trainee in words, not in the ids the platform names', () => {
    const gone = new ApiError(409, 'not_enrolled', '劳动力 h-1.4 未报名课程 c-1（或已退出）', [
      { path: 'present.3', message: '劳动力 h-1.4 未报名课程 c-1（或已退出）' },
    ]);
    expect(placeErrors(gone, byField, w, 'zh')).toEqual({ fields: { row: w.byCode.not_enrolled } });
  });
});
