import {
  GUIZHOU_COUNTIES,
  GUIZHOU_PREFECTURES,
  countyByCode,
  isGuizhouCountyCode,
  isGuizhouPrefectureCode,
  prefectureOfCounty,
} from './guizhou-divisions';

describe('Guizhou divisions (GB/T 2260)', () => {
  it('has 9 prefectures and 88 counties with unique codes', () => {
    expect(GUIZHOU_PREFECTURES).toHaveLength(9);
    expect(GUIZHOU_COUNTIES).toHaveLength(88);
    expect(new Set(GUIZHOU_PREFECTURES.map((p) => p.code)).size).toBe(9);
    expect(new Set(GUIZHOU_COUNTIES.map((c) => c.code)).size).toBe(88);
    expect(new Set(GUIZHOU_COUNTIES.map((c) => c.name)).size).toBe(88);
  });

  it('puts every county under an existing prefecture whose prefix it shares', () => {
    for (const county of GUIZHOU_COUNTIES) {
      expect(county.code).toMatch(/^52\d{4}$/);
      expect(isGuizhouPrefectureCode(county.prefectureCode)).toBe(true);
      expect(county.code.slice(0, 4)).toBe(county.prefectureCode.slice(0, 4));
    }
  });

  it('counts kinds as published: 16 districts, 10 cities, 50 counties, 11 autonomous, 1 special', () => {
    const count = (kind: string) => GUIZHOU_COUNTIES.filter((c) => c.kind === kind).length;
    expect(count('district')).toBe(16);
    expect(count('county_city')).toBe(10);
    expect(count('county')).toBe(50);
    expect(count('autonomous_county')).toBe(11);
    expect(count('special_district')).toBe(1);
  });

  it('counts counties per prefecture', () => {
    const per = Object.fromEntries(
      GUIZHOU_PREFECTURES.map((p) => [
        p.code,
        GUIZHOU_COUNTIES.filter((c) => c.prefectureCode === p.code).length,
      ]),
    );
    expect(per).toEqual({
      '520100': 10,
      '520200': 4,
      '520300': 14,
      '520400': 6,
      '520500': 8,
      '520600': 10,
      '522300': 8,
      '522600': 16,
      '522700': 12,
    });
  });

  it('looks codes up', () => {
    expect(countyByCode('520402')?.name).toBe('西秀区');
    expect(countyByCode('520581')?.kind).toBe('county_city');
    expect(prefectureOfCounty('520524')?.nameEn).toBe('Bijie');
    expect(isGuizhouCountyCode('520522')).toBe(false); // Qianxi County before 2021
    expect(isGuizhouCountyCode('440106')).toBe(false);
    expect(isGuizhouCountyCode('520000')).toBe(false);
    expect(prefectureOfCounty('999999')).toBeUndefined();
  });
});
