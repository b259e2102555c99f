import type { DirectoryEntry } from './directory.projection';
import { directoryKeysOf, employerOf } from './vacancy-employer';

const directory = new Map<string, DirectoryEntry>([
  [
    'employer:e-1',
    {
      kind: 'employer',
      id: 'e-1',
      name: '广州华盛制衣有限公司',
      creditCode: '91350100M000100Y43',
      industry: '纺织服装',
      province: '广东省',
      city: '广州市',
      address: null,
      contact: null,
      registeredAt: '2026-03-01T08:00:00Z',
      lastRevision: 0,
    },
  ],
  [
    'labour_station:s-1',
    { kind: 'labour_station', id: 's-1', name: '贵州省驻广州劳务协作站', city: '广州市', lastRevision: 0 },
  ],
]);
const location = { province: '广东省', city: '广州市' };
const station = { type: 'labour_station' as const, id: 's-1' };

describe('the employer a vacancy shows', () => {
  it('is the employer of the register when the vacancy names one', () => {
    const vacancy = { source: station, details: { employerId: 'e-1' }, location };
    expect(directoryKeysOf(vacancy)).toEqual(['employer:e-1', 'labour_station:s-1']);
    expect(employerOf(vacancy, directory)).toEqual({
      employerId: 'e-1',
      name: '广州华盛制衣有限公司',
      creditCode: '91350100M000100Y43',
      industry: '纺织服装',
      city: '广州市',
    });
  });

  it('is the poster when the vacancy names none: the station, or the county office of a welfare post', () => {
    expect(employerOf({ source: station, details: {}, location }, directory)).toEqual({
      name: '贵州省驻广州劳务协作站',
    });
    const welfare = { source: { type: 'public_welfare' as const, id: '520402' }, details: {}, location };
    expect(directoryKeysOf(welfare)).toEqual([]);
    expect(employerOf(welfare, directory).name).toBe('西秀区人力资源和社会保障局');
  });
});
