import {
  GUIZHOU_PROVINCE_CODE,
  isGuizhouCountyCode,
  isGuizhouPrefectureCode,
} from '@contracts/regions/guizhou-divisions';
import { registerLabourStationBody } from '@contracts/http';
import { entityId } from '@contracts/values';
import { LABOUR_STATIONS, labourStationBody } from './labour-stations';

describe('the 135 out-of-province labour stations', () => {
  it('are exactly 135 with unique ids and names (DOMAIN.md)', () => {
    expect(LABOUR_STATIONS).toHaveLength(135);
    expect(new Set(LABOUR_STATIONS.map((s) => s.id)).size).toBe(135);
    expect(new Set(LABOUR_STATIONS.map((s) => s.name)).size).toBe(135);
  });

  it('are each run by Guizhou, one of its prefectures or one of its counties, matching the tier', () => {
    for (const s of LABOUR_STATIONS) {
      const code = s.managingRegionCode;
      const valid =
        s.tier === 'provincial'
          ? code === GUIZHOU_PROVINCE_CODE
          : s.tier === 'prefecture'
            ? isGuizhouPrefectureCode(code)
            : isGuizhouCountyCode(code);
      expect({ station: s.name, valid }).toEqual({ station: s.name, valid: true });
    }
  });

  it('follow 粤黔协作: 8 prefectures and 66 counties have a station in Guangdong, most stations are there', () => {
    const inGuangdong = LABOUR_STATIONS.filter((s) => s.hostProvince === '广东省');
    const prefectures = new Set(
      inGuangdong.filter((s) => s.tier === 'prefecture').map((s) => s.managingRegionCode),
    );
    const counties = new Set(inGuangdong.filter((s) => s.tier === 'county').map((s) => s.managingRegionCode));
    expect(prefectures.size).toBe(8);
    expect(counties.size).toBe(66);
    expect(inGuangdong.length).toBeGreaterThan(135 / 2);
  });

  it('include Qiandongnan’s 42 stations in Foshan', () => {
    const qiandongnanInFoshan = LABOUR_STATIONS.filter(
      (s) => s.hostCity === '佛山市' && s.managingRegionCode.startsWith('5226'),
    );
    expect(qiandongnanInFoshan).toHaveLength(42);
  });

  it('produce bodies the POST /v1/labour-stations schema accepts, with ids the platform accepts', () => {
    for (const s of LABOUR_STATIONS) {
      expect(registerLabourStationBody.safeParse(labourStationBody(s)).success).toBe(true);
      expect(entityId.safeParse(s.id).success).toBe(true);
    }
  });
});
