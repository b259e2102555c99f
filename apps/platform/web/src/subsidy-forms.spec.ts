import { ApiError } from './http';
import { moneyWords } from './i18n-money';
import { claimErrors, DESTINATIONS, payErrors, rateFor, ratesBodyOf, subsidyErrors } from './subsidy-forms';
import { guizhouToday } from './guizhou-dates';

const w = moneyWords('zh');
const TODAY = '2026-12-07';
const rates = (r: Record<string, number>, fallback: number | null = null) => ({
  countyCode: '520402',
  rates: r,
  default: fallback,
  isSet: true,
});

describe('the transport-subsidy forms’ own checks', () => {
  it('offers every province but Guizhou as a destination', () => {
    expect(DESTINATIONS).toHaveLength(33);
    expect(DESTINATIONS.map((p) => p.code)).not.toContain('520000');
    expect(DESTINATIONS).toContainEqual({ code: '440000', name: '广东省' });
  });

  it('takes today as Guizhou’s day, whatever the clock’s zone', () => {
    expect(guizhouToday(Date.parse('2026-12-07T15:59:00Z'))).toBe('2026-12-07');
    expect(guizhouToday(Date.parse('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });

  it('gives the destination’s own rate, else the default, else nothing', () => {
    expect(rateFor(rates({ '440000': 500 }, 400), '440000')).toBe(500);
    expect(rateFor(rates({ '440000': 500 }, 400), '330000')).toBe(400);
    expect(rateFor(rates({ '440000': 500 }), '330000')).toBeUndefined();
    expect(rateFor(undefined, '440000')).toBeUndefined();
  });

  it('refuses a travel date ahead of today or before the subsidy’s year, and no province', () => {
    const claim = (travelDate: string, destinationProvince = '440000') =>
      claimErrors({ travelDate, destinationProvince }, 2026, TODAY, w);
    expect(claim(TODAY)).toEqual({});
    expect(claim('2026-12-08')).toEqual({ travelDate: `不能晚于今天（${TODAY}）` });
    expect(claim('2025-12-31')).toEqual({ travelDate: '不能早于 2026-01-01' });
    expect(claim('')).toEqual({ travelDate: '必填' });
    expect(claim(TODAY, '')).toEqual({ destinationProvince: '请选择务工省份' });
  });

  it('refuses a payment of no whole yuan, dated ahead or before the approval, or without its reference', () => {
    const pay = (amount: string, paidAt: string, reference = 'AS-1') =>
      payErrors({ amount, paidAt, reference }, '2026-12-01', TODAY, w);
    expect(pay('500', TODAY)).toEqual({});
    expect(pay('500.5', TODAY)).toEqual({ amount: '请填写整数金额（元）' });
    expect(pay('0', TODAY)).toEqual({ amount: '金额须在 1 至 10,000,000 元之间' });
    expect(pay('500', '2026-12-08')).toEqual({ paidAt: `不能晚于今天（${TODAY}）` });
    expect(pay('500', '2026-11-30')).toEqual({ paidAt: '不能早于 2026-12-01' });
    expect(pay('500', TODAY, '  ')).toEqual({ reference: '必填' });
  });

  it('reads the rates table: an empty box is no rate, a box not whole yuan is its error', () => {
    expect(ratesBodyOf({ '440000': '500', '330000': '' }, '', w)).toEqual({
      ok: true,
      body: { rates: { '440000': 500 } },
    });
    expect(ratesBodyOf({ '440000': ' 500 ' }, '300', w)).toEqual({
      ok: true,
      body: { rates: { '440000': 500 }, default: 300 },
    });
    expect(ratesBodyOf({ '440000': '五百', '330000': '600' }, '-1', w)).toEqual({
      ok: false,
      errors: { '440000': '请填写整数金额（元）', default: '请填写整数金额（元）' },
    });
  });
});

describe('a refusal as the transport-subsidy forms show it', () => {
  it('shows the server’s Chinese message as it is: on top, or next to the field it names', () => {
    const claimed = new ApiError(409, 'already_claimed', '该补贴已于2026-12-07申领，正在审核，不能重复申领');
    expect(subsidyErrors(claimed, ['travelDate'], w, 'zh')).toEqual({
      fields: {},
      form: '该补贴已于2026-12-07申领，正在审核，不能重复申领',
    });
    const mismatch = new ApiError(409, 'amount_mismatch', '发放金额（450 元）须等于核定金额（500 元）', [
      { path: 'amount', message: '发放金额（450 元）须等于核定金额（500 元）' },
    ]);
    expect(subsidyErrors(mismatch, ['amount', 'paidAt'], w, 'zh')).toEqual({
      fields: { amount: '发放金额（450 元）须等于核定金额（500 元）' },
    });
  });

  it('replaces a developer’s English message by the form’s own words, and says who may act', () => {
    const bad = new ApiError(400, 'validation_failed', 'Invalid body', [
      { path: 'reference', message: 'Text must not be empty' },
      { path: 'extra', message: 'Unrecognized key' },
    ]);
    expect(subsidyErrors(bad, ['reference'], w, 'zh')).toEqual({
      fields: { reference: '填写有误，请检查' },
      form: '填写有误，请检查',
    });
    expect(subsidyErrors(new ApiError(403, 'forbidden', 'Forbidden'), [], w, 'zh').form).toBe(
      w.refusal.forbidden,
    );
    expect(subsidyErrors(new TypeError('Failed to fetch'), [], w, 'zh').form).toBe(w.refusal.unavailable);
  });
});
