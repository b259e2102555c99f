import {
  countiesOfPrefecture,
  GUIZHOU_PREFECTURES,
} from '../../../../../contracts/src/regions/guizhou-divisions';
import { COUNTY_SEATS } from './county-seats';
import {
  CLEARED_GREEN,
  guizhouMapOption,
  NO_FIGURES_GREY,
  zeroEmploymentPieces,
  type MapArea,
} from './guizhou-map-option';
import { mapWords } from './map-words';
import prefectures from './guizhou-prefectures.geo.json';

type Ring = [number, number][];
interface Feature {
  properties: { code: string; name: string; labelPoint: [number, number] };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}
const features = (prefectures as unknown as { features: Feature[] }).features;

/** Even-odd ray casting: is the point inside the ring? */
function inRing([x, y]: readonly [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inFeature = (point: readonly [number, number], f: Feature) =>
  f.geometry.coordinates.some(
    ([outer, ...holes]) => inRing(point, outer) && !holes.some((h) => inRing(point, h)),
  );
const featureOf = (code: string) => features.find((f) => f.properties.code === code)!;

describe('the Guizhou map', () => {
  it('has the nine prefectures by their GB/T 2260 codes and names, each label point inside its own outline', () => {
    expect(features.map((f) => [f.properties.code, f.properties.name])).toEqual(
      GUIZHOU_PREFECTURES.map((p) => [p.code, p.name]),
    );
    for (const f of features) expect(inFeature(f.properties.labelPoint, f)).toBe(true);
  });

  it('marks every one of the 88 counties at a seat inside its own prefecture and no other', () => {
    const counties = GUIZHOU_PREFECTURES.flatMap((p) => countiesOfPrefecture(p.code));
    expect(counties).toHaveLength(88);
    expect(Object.keys(COUNTY_SEATS).sort()).toEqual(counties.map((c) => c.code).sort());
    for (const county of counties) {
      const seat = COUNTY_SEATS[county.code];
      const containing = features.filter((f) => inFeature(seat, f)).map((f) => f.properties.code);
      expect({ county: county.name, containing }).toEqual({
        county: county.name,
        containing: [county.prefectureCode],
      });
    }
  });

  it('can tell a point outside Guizhou (the check above can fail)', () => {
    expect(features.some((f) => inFeature([113.26, 23.13], f))).toBe(false); // 广州
    expect(inFeature(COUNTY_SEATS['520402'], featureOf('520100'))).toBe(false); // 西秀区 is not in 贵阳市
  });
});

describe('zeroEmploymentPieces', () => {
  it('gives 0 its own class and covers 1..max with classes that neither overlap nor leave gaps', () => {
    for (let max = 0; max <= 300; max++) {
      const pieces = zeroEmploymentPieces(max, '已清零');
      expect(pieces[0]).toMatchObject({ value: 0, color: CLEARED_GREEN });
      const ranges = pieces.slice(1);
      expect(ranges.length).toBeLessThanOrEqual(4);
      let next = 1;
      for (const r of ranges) {
        expect(r.min).toBe(next);
        expect(r.max!).toBeGreaterThanOrEqual(r.min!);
        next = r.max! + 1;
      }
      expect(next - 1).toBe(max);
    }
  });
});

describe('guizhouMapOption', () => {
  const words = mapWords('zh');
  const percent = (r: number) => `${(r * 100).toFixed(1)} %`;
  const areas: MapArea[] = [
    { code: '520402', name: '西秀区', zeroEmploymentHouseholds: 3, employmentRate: 0.95, households: 120 },
    { code: '520403', name: '平坝区', zeroEmploymentHouseholds: 0, employmentRate: 1, households: 80 },
    { code: '520422', name: '普定县' },
  ];

  it('on a prefecture, puts each county at its seat with its count, and one without figures uncoloured', () => {
    const option = guizhouMapOption({
      level: 'prefecture',
      mapName: 'guizhou-520400',
      areas,
      words,
      percent,
    });
    const [mapped, grey] = option.series as {
      type: string;
      itemStyle: { color?: string };
      data: { name: string; value: number[] }[];
    }[];
    expect(mapped.type).toBe('scatter');
    expect(mapped.data).toEqual([
      { name: '520402', value: [...COUNTY_SEATS['520402'], 3] },
      { name: '520403', value: [...COUNTY_SEATS['520403'], 0] },
    ]);
    expect(grey.data).toEqual([{ name: '520422', value: [...COUNTY_SEATS['520422']] }]);
    expect(grey.itemStyle.color).toBe(NO_FIGURES_GREY);
    const visualMap = option.visualMap as { dimension: number; pieces: { label: string }[] };
    expect(visualMap.dimension).toBe(2);
    expect(visualMap.pieces.map((p) => p.label)).toEqual(['已清零', '1 户', '2 户', '3 户', '暂无数据']);
    const tooltip = option.tooltip as { formatter(p: unknown): string };
    expect(tooltip.formatter({ name: '520402' })).toBe(
      '西秀区<br/>零就业家庭: 3<br/>就业率: 95.0 %<br/>搬迁户: 120',
    );
    expect(tooltip.formatter({ name: '520422' })).toBe('普定县<br/>暂无搬迁户数据，或不在查看范围内');
  });

  it('on the province, colours the prefectures named by code and labelled by name', () => {
    const option = guizhouMapOption({
      level: 'province',
      mapName: 'guizhou-520000',
      areas: [{ code: '520400', name: '安顺市', zeroEmploymentHouseholds: 7 }],
      words,
      percent,
    });
    const [series] = option.series as {
      type: string;
      nameProperty: string;
      data: unknown[];
      label: { formatter(p: { name: string }): string };
    }[];
    expect(series).toMatchObject({ type: 'map', nameProperty: 'code', data: [{ name: '520400', value: 7 }] });
    const empty = guizhouMapOption({
      level: 'province',
      mapName: 'guizhou-520000',
      areas: [{ code: '520300', name: '遵义市' }],
      words,
      percent,
    });
    expect((empty.series as { data: unknown[] }[])[0].data).toEqual([{ name: '520300' }]);
    expect(series.label.formatter({ name: '520400' })).toBe('安顺市');
    // An autonomous prefecture by its short name on the map, its full name in the tooltip.
    const qiannan = guizhouMapOption({
      level: 'province',
      mapName: 'guizhou-520000',
      areas: [{ code: '522700', name: '黔南布依族苗族自治州', zeroEmploymentHouseholds: 0 }],
      words,
      percent,
    });
    const [qiannanSeries] = qiannan.series as { label: { formatter(p: { name: string }): string } }[];
    expect(qiannanSeries.label.formatter({ name: '522700' })).toBe('黔南州');
    expect((qiannan.tooltip as { formatter(p: unknown): string }).formatter({ name: '522700' })).toMatch(
      /^黔南布依族苗族自治州<br\/>/,
    );
  });
});
