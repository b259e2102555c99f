import { wageRange } from './wage-range';

describe('wage shown on a vacancy', () => {
  it('is one number when the minimum equals the maximum', () => {
    expect(wageRange({ min: 800, max: 800 }, 'zh')).toBe('800');
  });

  it('is a range otherwise, with the language’s thousands separator', () => {
    expect(wageRange({ min: 4500, max: 6000 }, 'zh')).toBe('4,500–6,000');
    expect(wageRange({ min: 4500, max: 6000 }, 'en')).toBe('4,500–6,000');
  });
});
