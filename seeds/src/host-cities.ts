/** Cities outside Guizhou that host labour stations, with the districts/towns stations sit in. */

export interface HostCity {
  key: string;
  province: string;
  city: string;
  /** The name on a station sign: 广州, 佛山. */
  short: string;
  /** [slug, name] of districts or towns with many Guizhou workers. */
  districts: readonly (readonly [string, string])[];
}

const city = (key: string, province: string, name: string, districts: HostCity['districts']): HostCity => ({
  key,
  province,
  city: name,
  short: name.replace(/市$/, ''),
  districts,
});

export const HOST_CITIES = {
  guangzhou: city('guangzhou', '广东省', '广州市', [
    ['baiyun', '白云区'],
    ['panyu', '番禺区'],
    ['huadu', '花都区'],
    ['zengcheng', '增城区'],
    ['huangpu', '黄埔区'],
  ]),
  shenzhen: city('shenzhen', '广东省', '深圳市', [
    ['baoan', '宝安区'],
    ['longgang', '龙岗区'],
    ['longhua', '龙华区'],
    ['guangming', '光明区'],
  ]),
  foshan: city('foshan', '广东省', '佛山市', [
    ['nanhai', '南海区'],
    ['shunde', '顺德区'],
    ['chancheng', '禅城区'],
    ['sanshui', '三水区'],
    ['gaoming', '高明区'],
  ]),
  dongguan: city('dongguan', '广东省', '东莞市', [
    ['changan', '长安镇'],
    ['humen', '虎门镇'],
    ['tangxia', '塘厦镇'],
    ['qingxi', '清溪镇'],
  ]),
  zhuhai: city('zhuhai', '广东省', '珠海市', [
    ['xiangzhou', '香洲区'],
    ['doumen', '斗门区'],
    ['jinwan', '金湾区'],
  ]),
  zhongshan: city('zhongshan', '广东省', '中山市', [
    ['xiaolan', '小榄镇'],
    ['guzhen', '古镇镇'],
    ['tanzhou', '坦洲镇'],
  ]),
  hangzhou: city('hangzhou', '浙江省', '杭州市', [['xiaoshan', '萧山区']]),
  ningbo: city('ningbo', '浙江省', '宁波市', [['yinzhou', '鄞州区']]),
  suzhou: city('suzhou', '江苏省', '苏州市', [['kunshan', '昆山市']]),
  xiamen: city('xiamen', '福建省', '厦门市', [['haicang', '海沧区']]),
  fuzhou: city('fuzhou', '福建省', '福州市', [['changle', '长乐区']]),
  quanzhou: city('quanzhou', '福建省', '泉州市', [['jinjiang', '晋江市']]),
  shanghai: city('shanghai', '上海市', '上海市', [['songjiang', '松江区']]),
  tianjin: city('tianjin', '天津市', '天津市', [['binhai', '滨海新区']]),
  dalian: city('dalian', '辽宁省', '大连市', [['jinzhou', '金州区']]),
  qingdao: city('qingdao', '山东省', '青岛市', [['huangdao', '黄岛区']]),
} as const satisfies Record<string, HostCity>;

export type HostCityKey = keyof typeof HOST_CITIES;

/** 南海区 → 南海, 长安镇 → 长安, 滨海新区 → 滨海: how a district appears inside a station's name. */
export const districtShort = (name: string): string => name.replace(/(新区|区|镇|市)$/, '');
