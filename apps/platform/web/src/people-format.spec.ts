import { filenameOf } from './http';
import { peopleEn, peopleZh } from './i18n-people';
import { boardText, formatPhone, headOf, occupationLabel, placeOf, telHref } from './people-format';
import type { MemberProfile } from './people-types';
import { parseRoute, routePath } from './router';

const member = (name: string, relationToHead: MemberProfile['relationToHead'] = null): MemberProfile => ({
  workerId: `h.${name}`,
  memberNo: 1,
  name,
  phone: null,
  idLast4: '0012',
  birthYear: 1986,
  age: 40,
  gender: 'female',
  labourCapacity: 'full',
  relationToHead,
  occupations: [],
  employment: null,
});

describe('a job’s board and lodging', () => {
  it('says 包吃住 only when both are provided, else the one that is', () => {
    expect(boardText({ accommodation: true, meals: true }, peopleZh)).toBe('包吃住');
    expect(boardText({ accommodation: true, meals: false }, peopleZh)).toBe('包住');
    expect(boardText({ accommodation: false, meals: true }, peopleZh)).toBe('包吃');
    expect(boardText({ accommodation: false, meals: null }, peopleZh)).toBeUndefined();
    expect(boardText({ accommodation: true, meals: true }, peopleEn)).toBe('Board and lodging');
  });
});

describe('a household’s head', () => {
  it('is the member recorded as head, else the first registered', () => {
    expect(headOf([member('李娜', 'child'), member('王秀英', 'head')])?.name).toBe('王秀英');
    expect(headOf([member('李娜'), member('王秀英')])?.name).toBe('李娜');
    expect(headOf([])).toBeUndefined();
  });
});

describe('where a job is', () => {
  it('names the province outside Guizhou, the city alone at home', () => {
    expect(placeOf({ province: '广东省', city: '东莞市' }, 'zh')).toBe('广东省东莞市');
    expect(placeOf({ province: '贵州省', city: '贵阳市' }, 'zh')).toBe('贵阳市');
    expect(placeOf({ province: 'Guangdong', city: 'Dongguan' }, 'en')).toBe('Dongguan, Guangdong');
  });
});

describe('an occupation’s label', () => {
  it('is the platform’s Chinese label, in English the register’s, never the code', () => {
    const sewing = { code: '6-05-01-03', label: '缝纫工' };
    expect(occupationLabel(sewing, 'zh')).toBe('缝纫工');
    expect(occupationLabel(sewing, 'en')).toBe('Sewing machinist');
    expect(occupationLabel({ code: '9-99-99-99', label: '未知工种' }, 'en')).toBe('未知工种');
  });
});

describe('a phone', () => {
  it('reads in groups and dials as digits', () => {
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('020-12345678')).toBe('020-12345678');
    expect(telHref('020-12345678')).toBe('tel:02012345678');
  });
});

describe('a downloaded file’s name', () => {
  it('takes the UTF-8 name first (Chinese), else the plain one', () => {
    expect(
      filenameOf(
        `attachment; filename="cases.xlsx"; filename*=UTF-8''${encodeURIComponent('零就业家庭.xlsx')}`,
      ),
    ).toBe('零就业家庭.xlsx');
    expect(filenameOf('attachment; filename="cases.xlsx"')).toBe('cases.xlsx');
    expect(filenameOf(null)).toBeUndefined();
  });
});

describe('the search’s and the import’s addresses', () => {
  it('keep the search words in the query, so a search can be bookmarked', () => {
    expect(routePath({ page: 'search', q: '王 秀' })).toBe('/search?q=%E7%8E%8B%20%E7%A7%80');
    expect(parseRoute('/search', '?q=%E7%8E%8B%20%E7%A7%80')).toEqual({ page: 'search', q: '王 秀' });
    expect(parseRoute('/search')).toEqual({ page: 'search', q: '' });
    expect(parseRoute(routePath({ page: 'import' }))).toEqual({ page: 'import' });
  });

  it('keeps a whole ID number out of the address, in the history entry’s state', () => {
    const route = { page: 'search', q: '', idNumber: '52040219860101002X' } as const;
    expect(routePath(route)).toBe('/search');
    expect(parseRoute('/search', '', { idNumber: route.idNumber })).toEqual(route);
  });
});
