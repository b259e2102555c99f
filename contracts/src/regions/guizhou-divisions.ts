/**
 * Guizhou's administrative divisions, GB/T 2260 codes as in force since 2021 (Qianxi County became
 * Qianxi City 520581; Shuicheng County became Shuicheng District 520204 in 2020).
 * 9 prefecture-level divisions, 88 county-level: 16 districts, 10 county-level cities, 50 counties,
 * 11 autonomous counties, 1 special district.
 */

export interface Prefecture {
  code: string;
  name: string;
  nameEn: string;
}

export type CountyKind = 'district' | 'county' | 'county_city' | 'autonomous_county' | 'special_district';

export interface County {
  code: string;
  name: string;
  nameEn: string;
  prefectureCode: string;
  kind: CountyKind;
}

export const GUIZHOU_PROVINCE_CODE = '520000';
export const GUIZHOU_PROVINCE_NAME = '贵州省';

export const GUIZHOU_PREFECTURES: readonly Prefecture[] = Object.freeze([
  { code: '520100', name: '贵阳市', nameEn: 'Guiyang' },
  { code: '520200', name: '六盘水市', nameEn: 'Liupanshui' },
  { code: '520300', name: '遵义市', nameEn: 'Zunyi' },
  { code: '520400', name: '安顺市', nameEn: 'Anshun' },
  { code: '520500', name: '毕节市', nameEn: 'Bijie' },
  { code: '520600', name: '铜仁市', nameEn: 'Tongren' },
  {
    code: '522300',
    name: '黔西南布依族苗族自治州',
    nameEn: 'Qianxinan Buyei and Miao Autonomous Prefecture',
  },
  { code: '522600', name: '黔东南苗族侗族自治州', nameEn: 'Qiandongnan Miao and Dong Autonomous Prefecture' },
  { code: '522700', name: '黔南布依族苗族自治州', nameEn: 'Qiannan Buyei and Miao Autonomous Prefecture' },
]);

// [code, name, nameEn, kind]; the prefecture is the code's first four digits + '00'.
type Row = readonly [string, string, string, CountyKind];

const ROWS: readonly Row[] = [
  // 贵阳市
  ['520102', '南明区', 'Nanming District', 'district'],
  ['520103', '云岩区', 'Yunyan District', 'district'],
  ['520111', '花溪区', 'Huaxi District', 'district'],
  ['520112', '乌当区', 'Wudang District', 'district'],
  ['520113', '白云区', 'Baiyun District', 'district'],
  ['520115', '观山湖区', 'Guanshanhu District', 'district'],
  ['520121', '开阳县', 'Kaiyang County', 'county'],
  ['520122', '息烽县', 'Xifeng County', 'county'],
  ['520123', '修文县', 'Xiuwen County', 'county'],
  ['520181', '清镇市', 'Qingzhen City', 'county_city'],
  // 六盘水市
  ['520201', '钟山区', 'Zhongshan District', 'district'],
  ['520203', '六枝特区', 'Liuzhi Special District', 'special_district'],
  ['520204', '水城区', 'Shuicheng District', 'district'],
  ['520281', '盘州市', 'Panzhou City', 'county_city'],
  // 遵义市
  ['520302', '红花岗区', 'Honghuagang District', 'district'],
  ['520303', '汇川区', 'Huichuan District', 'district'],
  ['520304', '播州区', 'Bozhou District', 'district'],
  ['520322', '桐梓县', 'Tongzi County', 'county'],
  ['520323', '绥阳县', 'Suiyang County', 'county'],
  ['520324', '正安县', "Zheng'an County", 'county'],
  ['520325', '道真仡佬族苗族自治县', 'Daozhen Gelao and Miao Autonomous County', 'autonomous_county'],
  ['520326', '务川仡佬族苗族自治县', 'Wuchuan Gelao and Miao Autonomous County', 'autonomous_county'],
  ['520327', '凤冈县', 'Fenggang County', 'county'],
  ['520328', '湄潭县', 'Meitan County', 'county'],
  ['520329', '余庆县', 'Yuqing County', 'county'],
  ['520330', '习水县', 'Xishui County', 'county'],
  ['520381', '赤水市', 'Chishui City', 'county_city'],
  ['520382', '仁怀市', 'Renhuai City', 'county_city'],
  // 安顺市
  ['520402', '西秀区', 'Xixiu District', 'district'],
  ['520403', '平坝区', 'Pingba District', 'district'],
  ['520422', '普定县', 'Puding County', 'county'],
  ['520423', '镇宁布依族苗族自治县', 'Zhenning Buyei and Miao Autonomous County', 'autonomous_county'],
  ['520424', '关岭布依族苗族自治县', 'Guanling Buyei and Miao Autonomous County', 'autonomous_county'],
  ['520425', '紫云苗族布依族自治县', 'Ziyun Miao and Buyei Autonomous County', 'autonomous_county'],
  // 毕节市
  ['520502', '七星关区', 'Qixingguan District', 'district'],
  ['520521', '大方县', 'Dafang County', 'county'],
  ['520523', '金沙县', 'Jinsha County', 'county'],
  ['520524', '织金县', 'Zhijin County', 'county'],
  ['520525', '纳雍县', 'Nayong County', 'county'],
  ['520526', '威宁彝族回族苗族自治县', 'Weining Yi, Hui and Miao Autonomous County', 'autonomous_county'],
  ['520527', '赫章县', 'Hezhang County', 'county'],
  ['520581', '黔西市', 'Qianxi City', 'county_city'],
  // 铜仁市
  ['520602', '碧江区', 'Bijiang District', 'district'],
  ['520603', '万山区', 'Wanshan District', 'district'],
  ['520621', '江口县', 'Jiangkou County', 'county'],
  ['520622', '玉屏侗族自治县', 'Yuping Dong Autonomous County', 'autonomous_county'],
  ['520623', '石阡县', 'Shiqian County', 'county'],
  ['520624', '思南县', 'Sinan County', 'county'],
  ['520625', '印江土家族苗族自治县', 'Yinjiang Tujia and Miao Autonomous County', 'autonomous_county'],
  ['520626', '德江县', 'Dejiang County', 'county'],
  ['520627', '沿河土家族自治县', 'Yanhe Tujia Autonomous County', 'autonomous_county'],
  ['520628', '松桃苗族自治县', 'Songtao Miao Autonomous County', 'autonomous_county'],
  // 黔西南布依族苗族自治州
  ['522301', '兴义市', 'Xingyi City', 'county_city'],
  ['522302', '兴仁市', 'Xingren City', 'county_city'],
  ['522323', '普安县', "Pu'an County", 'county'],
  ['522324', '晴隆县', 'Qinglong County', 'county'],
  ['522325', '贞丰县', 'Zhenfeng County', 'county'],
  ['522326', '望谟县', 'Wangmo County', 'county'],
  ['522327', '册亨县', 'Ceheng County', 'county'],
  ['522328', '安龙县', 'Anlong County', 'county'],
  // 黔东南苗族侗族自治州
  ['522601', '凯里市', 'Kaili City', 'county_city'],
  ['522622', '黄平县', 'Huangping County', 'county'],
  ['522623', '施秉县', 'Shibing County', 'county'],
  ['522624', '三穗县', 'Sansui County', 'county'],
  ['522625', '镇远县', 'Zhenyuan County', 'county'],
  ['522626', '岑巩县', 'Cengong County', 'county'],
  ['522627', '天柱县', 'Tianzhu County', 'county'],
  ['522628', '锦屏县', 'Jinping County', 'county'],
  ['522629', '剑河县', 'Jianhe County', 'county'],
  ['522630', '台江县', 'Taijiang County', 'county'],
  ['522631', '黎平县', 'Liping County', 'county'],
  ['522632', '榕江县', 'Rongjiang County', 'county'],
  ['522633', '从江县', 'Congjiang County', 'county'],
  ['522634', '雷山县', 'Leishan County', 'county'],
  ['522635', '麻江县', 'Majiang County', 'county'],
  ['522636', '丹寨县', 'Danzhai County', 'county'],
  // 黔南布依族苗族自治州
  ['522701', '都匀市', 'Duyun City', 'county_city'],
  ['522702', '福泉市', 'Fuquan City', 'county_city'],
  ['522722', '荔波县', 'Libo County', 'county'],
  ['522723', '贵定县', 'Guiding County', 'county'],
  ['522725', '瓮安县', "Weng'an County", 'county'],
  ['522726', '独山县', 'Dushan County', 'county'],
  ['522727', '平塘县', 'Pingtang County', 'county'],
  ['522728', '罗甸县', 'Luodian County', 'county'],
  ['522729', '长顺县', 'Changshun County', 'county'],
  ['522730', '龙里县', 'Longli County', 'county'],
  ['522731', '惠水县', 'Huishui County', 'county'],
  ['522732', '三都水族自治县', 'Sandu Shui Autonomous County', 'autonomous_county'],
];

export const GUIZHOU_COUNTIES: readonly County[] = Object.freeze(
  ROWS.map(([code, name, nameEn, kind]) =>
    Object.freeze({ code, name, nameEn, prefectureCode: `${code.slice(0, 4)}00`, kind }),
  ),
);

const COUNTY_BY_CODE: ReadonlyMap<string, County> = new Map(GUIZHOU_COUNTIES.map((c) => [c.code, c]));
const PREFECTURE_BY_CODE: ReadonlyMap<string, Prefecture> = new Map(
  GUIZHOU_PREFECTURES.map((p) => [p.code, p]),
);

export const isGuizhouCountyCode = (code: string): boolean => COUNTY_BY_CODE.has(code);
export const isGuizhouPrefectureCode = (code: string): boolean => PREFECTURE_BY_CODE.has(code);
export const countyByCode = (code: string): County | undefined => COUNTY_BY_CODE.get(code);
export const prefectureByCode = (code: string): Prefecture | undefined => PREFECTURE_BY_CODE.get(code);

/** The prefecture a Guizhou county belongs to; undefined for a code that is not a Guizhou county. */
export const prefectureOfCounty = (code: string): Prefecture | undefined => {
  const county = COUNTY_BY_CODE.get(code);
  return county ? PREFECTURE_BY_CODE.get(county.prefectureCode) : undefined;
};

export const countiesOfPrefecture = (prefectureCode: string): readonly County[] =>
  GUIZHOU_COUNTIES.filter((c) => c.prefectureCode === prefectureCode);

export interface Province {
  code: string;
  name: string;
  nameEn: string;
}

/** Provinces that host Guizhou's labour stations (East–West cooperation partners and main destinations). */
export const PARTNER_PROVINCES: readonly Province[] = Object.freeze([
  { code: '110000', name: '北京市', nameEn: 'Beijing' },
  { code: '120000', name: '天津市', nameEn: 'Tianjin' },
  { code: '310000', name: '上海市', nameEn: 'Shanghai' },
  { code: '320000', name: '江苏省', nameEn: 'Jiangsu' },
  { code: '330000', name: '浙江省', nameEn: 'Zhejiang' },
  { code: '350000', name: '福建省', nameEn: 'Fujian' },
  { code: '370000', name: '山东省', nameEn: 'Shandong' },
  { code: '440000', name: '广东省', nameEn: 'Guangdong' },
  { code: '500000', name: '重庆市', nameEn: 'Chongqing' },
]);
