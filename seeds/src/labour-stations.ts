import { countiesOfPrefecture, GUIZHOU_PROVINCE_CODE } from '@contracts/regions/guizhou-divisions';
import { districtShort, HOST_CITIES, type HostCityKey } from './host-cities';
import { countyShortName, prefectureShortName } from './region-names';

/**
 * Guizhou's 135 out-of-province labour cooperation stations (DOMAIN.md: "135", three tiers: provincial
 * head stations, prefecture branch stations, county stations; 粤黔协作: 8 prefectures and 66 counties
 * with stations in their paired Guangdong cities; Qiandongnan alone runs 42 in Foshan).
 * Guangzhou–Anshun is documented (reference 004); Guangzhou–Bijie/Qiannan, Foshan–Qiandongnan and
 * Zhuhai–Zunyi follow public reporting; the other pairings are plausible, not verified.
 */

export type StationTier = 'provincial' | 'prefecture' | 'county';

export interface LabourStation {
  /** Stable slug: `station-<managingRegionCode>-<city>[-<district>]`. */
  id: string;
  name: string;
  hostProvince: string;
  hostCity: string;
  hostDistrict?: string;
  /** 520000 for provincial stations, else the prefecture or county that runs it. */
  managingRegionCode: string;
  tier: StationTier;
}

/** Each prefecture's paired Guangdong city, where its prefecture station and county stations sit. */
const GUANGDONG_PAIRING: readonly (readonly [string, HostCityKey])[] = [
  ['520500', 'guangzhou'], // 毕节
  ['522700', 'guangzhou'], // 黔南
  ['520400', 'guangzhou'], // 安顺 (reference 004)
  ['522600', 'foshan'], // 黔东南
  ['520300', 'zhuhai'], // 遵义
  ['520200', 'zhongshan'], // 六盘水
  ['520600', 'shenzhen'], // 铜仁
  ['522300', 'dongguan'], // 黔西南
];

/** 12 of the 78 counties outside Guiyang without a Guangdong station (urban districts, richer counties): 66 remain. */
const NO_GUANGDONG_STATION = new Set([
  '520201', '520302', '520303', '520381', '520382', '520328',
  '520329', '520403', '520602', '522301', '522701', '522702',
]); // prettier-ignore

/** Qiandongnan counties with a third Foshan station, bringing the prefecture's Foshan total to 42. */
const QIANDONGNAN_THIRD_FOSHAN = new Set([
  '522601', '522631', '522632', '522633', '522627', '522629', '522622', '522634', '522630',
]); // prettier-ignore

const PROVINCIAL: readonly (readonly [HostCityKey, string])[] = [
  ['guangzhou', '贵州省驻广东劳务协作总站'],
  ['hangzhou', '贵州省驻浙江劳务协作站'],
  ['xiamen', '贵州省驻福建劳务协作站'],
  ['suzhou', '贵州省驻江苏劳务协作站'],
  ['shanghai', '贵州省驻上海劳务协作站'],
];

/** Prefecture stations outside the Guangdong pairing: former East–West partners and big destinations. */
const OTHER_PREFECTURE_STATIONS: readonly (readonly [string, HostCityKey])[] = [
  ['520500', 'shenzhen'],
  ['520300', 'shanghai'],
  ['520300', 'tianjin'],
  ['520200', 'dalian'],
  ['520400', 'qingdao'],
  ['520600', 'suzhou'],
  ['522600', 'hangzhou'],
  ['522700', 'hangzhou'],
  ['522300', 'ningbo'],
  ['520500', 'xiamen'],
];

const OTHER_COUNTY_STATIONS: readonly (readonly [string, HostCityKey])[] = [
  ['520526', 'xiamen'], // 威宁
  ['520527', 'quanzhou'], // 赫章
  ['520525', 'fuzhou'], // 纳雍
  ['520628', 'suzhou'], // 松桃
  ['520624', 'suzhou'], // 思南
  ['520627', 'suzhou'], // 沿河
  ['522326', 'ningbo'], // 望谟
  ['522327', 'ningbo'], // 册亨
  ['520324', 'shanghai'], // 正安
  ['520326', 'tianjin'], // 务川
  ['520204', 'dalian'], // 水城
  ['520425', 'qingdao'], // 紫云
  ['522632', 'hangzhou'], // 榕江
];

function station(
  tier: StationTier,
  managingRegionCode: string,
  cityKey: HostCityKey,
  name: string,
  districtIndex?: number,
): LabourStation {
  const host = HOST_CITIES[cityKey];
  const district =
    districtIndex === undefined ? undefined : host.districts[districtIndex % host.districts.length];
  return {
    id: ['station', managingRegionCode, cityKey, ...(district ? [district[0]] : [])].join('-'),
    name,
    hostProvince: host.province,
    hostCity: host.city,
    ...(district ? { hostDistrict: district[1] } : {}),
    managingRegionCode,
    tier,
  };
}

function countyStation(countyCode: string, cityKey: HostCityKey, districtIndex: number): LabourStation {
  const host = HOST_CITIES[cityKey];
  const district = host.districts[districtIndex % host.districts.length];
  // A city with one listed district gets the city alone in the name (松桃自治县驻苏州劳务工作站).
  const place = host.districts.length > 1 ? `${host.short}${districtShort(district[1])}` : host.short;
  return station(
    'county',
    countyCode,
    cityKey,
    `${countyShortName(countyCode)}驻${place}劳务工作站`,
    districtIndex,
  );
}

const prefectureStation = (prefectureCode: string, cityKey: HostCityKey): LabourStation =>
  station(
    'prefecture',
    prefectureCode,
    cityKey,
    `${prefectureShortName(prefectureCode)}驻${HOST_CITIES[cityKey].short}劳务协作站`,
  );

function buildStations(): LabourStation[] {
  const stations: LabourStation[] = PROVINCIAL.map(([city, name]) =>
    station('provincial', GUIZHOU_PROVINCE_CODE, city, name),
  );
  for (const [prefectureCode, city] of GUANGDONG_PAIRING) {
    stations.push(prefectureStation(prefectureCode, city));
    const counties = countiesOfPrefecture(prefectureCode).filter((c) => !NO_GUANGDONG_STATION.has(c.code));
    counties.forEach((county, i) => {
      stations.push(countyStation(county.code, city, i));
      if (prefectureCode === '522600') {
        stations.push(countyStation(county.code, city, i + 1));
        if (QIANDONGNAN_THIRD_FOSHAN.has(county.code)) stations.push(countyStation(county.code, city, i + 2));
      }
      // Bijie's counties also run stations in Shenzhen, the city that helped Bijie from 2013.
      if (prefectureCode === '520500') stations.push(countyStation(county.code, 'shenzhen', i));
    });
  }
  for (const [prefectureCode, city] of OTHER_PREFECTURE_STATIONS)
    stations.push(prefectureStation(prefectureCode, city));
  for (const [countyCode, city] of OTHER_COUNTY_STATIONS) stations.push(countyStation(countyCode, city, 0));
  return stations;
}

export const LABOUR_STATIONS: readonly LabourStation[] = Object.freeze(buildStations());

/** The body of POST /v1/labour-stations for a station (host district and tier are not part of it). */
export const labourStationBody = (s: LabourStation) => ({
  name: s.name,
  hostProvince: s.hostProvince,
  hostCity: s.hostCity,
  managingRegionCode: s.managingRegionCode,
});
