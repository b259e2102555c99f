import type { EmploymentFigures } from './api-types';
import { sideBySideOption } from './side-by-side-option';

const figures = (households: number, employmentRate: number, zero: number) =>
  ({ households, employmentRate, zeroEmploymentHouseholds: zero }) as EmploymentFigures;

describe('prefectures (or counties) side by side', () => {
  const option = sideBySideOption(
    [
      { code: '520400', figures: figures(300, 0.97, 4) },
      { code: '520100', figures: figures(200, 0.89, 12) },
      { code: '520200', figures: figures(0, 0, 0) },
      { code: '520300' },
    ],
    'zh',
    { rate: '就业率', zero: '零就业家庭', percent: (r) => `${(r * 100).toFixed(1)} %` },
  );
  const [rateAxis, countAxis] = option.yAxis as { min?: number; max?: number }[];

  it('draws the rate on an axis from 0 to 100 %, so bar heights compare honestly', () => {
    expect(rateAxis.min).toBe(0);
    expect(rateAxis.max).toBe(1);
    expect(countAxis.min).toBe(0);
  });

  it('shows only areas with households, by name, with their rate and zero-employment count', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['安顺市', '贵阳市']);
    const [bars, line] = option.series as { data: number[] }[];
    expect(bars.data).toEqual([0.97, 0.89]);
    expect(line.data).toEqual([4, 12]);
  });
});
