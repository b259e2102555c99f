import { pickSurname } from './chinese-names';
import type { PartnerEmployer } from './partner-employers';
import type { Rng } from './prng';
import type { VacancyBody } from './seed-commands';
import type { WelfareProgramme } from './welfare-programmes';
import type { Workshop } from './workshops';

/**
 * What the demo vacancies say beyond the job itself: description, hours, contract, insurance, meals and a
 * person to call, every field filled (the dashboard shows them). Drawn from their own random stream, so the
 * jobs, wages and openings stay what they were before these details existed.
 */
export type VacancyDetailFields = Pick<
  VacancyBody,
  'description' | 'workingHours' | 'contractTerms' | 'socialInsurance' | 'meals' | 'contact'
>;

const DUTIES: Readonly<Record<string, string>> = {
  电子厂普工: '流水线装配、检测手机和电脑配件，坐班，有师傅带教，无经验可学',
  缝纫工: '平车、拷边车缝制服装，计件加底薪，熟手优先，新手可培训',
  建筑工: '工地钢筋、模板、砌筑等，按天记工，按月结算',
  粤菜厨师: '酒楼后厨，负责炒锅或蒸点，有粤菜经验优先',
  家政服务员: '家庭保洁、做饭、照看老人或小孩，上岗前免费培训',
  保安员: '小区或厂区门岗、巡逻，持保安员证优先，可代办',
  快递分拣员: '快递转运中心分拣、扫描、装卸，夜班有补贴',
  焊工: '钢结构焊接，持焊工证，电焊或氩弧焊',
  货车司机: '市内及周边配送，持 B2 及以上驾照，两年驾龄',
  包装工: '成品包装、贴标、装箱，轻体力，坐班',
  注塑操作工: '看管注塑机、取件修边，两班倒',
  养老护理员: '养老院照护老人起居，持证或上岗前培训',
};

const mobile = (rng: Rng): string =>
  `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;

export function stationDetails(rng: Rng, title: string, employer: PartnerEmployer): VacancyDetailFields {
  const contact = employer.body.contact ?? { name: `${pickSurname(rng)}经理`, phone: mobile(rng) };
  return {
    description: `${employer.body.name}招聘${title}：${DUTIES[title] ?? '岗前培训，包教包会'}。贵州籍务工人员由劳务协作站统一组织，交通费可申请一次性补贴。`,
    workingHours: rng.pick([
      '每天 8 小时，月休 4 天',
      '两班倒，每班 10 小时，月休 4 天',
      '每天 9 小时，周日休息',
    ]),
    contractTerms: rng.pick(['签订一年期劳动合同，试用期 1 个月', '签订两年期劳动合同，试用期 2 个月']),
    socialInsurance: rng.weighted([
      ['five_insurances_one_fund', 5],
      ['five_insurances', 4],
      ['work_injury', 1],
    ] as const),
    meals: rng.chance(0.7),
    contact: { name: contact.name, phone: contact.phone },
  };
}

export function workshopDetails(rng: Rng, title: string, workshop: Workshop): VacancyDetailFields {
  return {
    description: `${workshop.name}招聘${title}，在安置点家门口上班，就近照顾老人孩子，岗前免费培训。`,
    workingHours: workshop.flexibleHours ? '弹性工作制，每天 4–8 小时，可接送孩子' : '每天 8 小时，周末双休',
    contractTerms: '签订劳动合同或劳务协议，工资按月结算',
    socialInsurance: rng.chance(0.6) ? 'five_insurances' : 'work_injury',
    meals: rng.chance(0.5),
    contact: { name: `${pickSurname(rng)}厂长`, phone: mobile(rng) },
  };
}

export function welfareDetails(rng: Rng, programme: WelfareProgramme): VacancyDetailFields {
  return {
    description: `${programme.name}：按需设岗、以岗聘任、在岗领补、有序退岗，优先安排弱劳力、半劳力和就业困难人员。`,
    workingHours: '每天 4 小时，按村（社区）安排',
    contractTerms: `公益性岗位协议，期限 ${programme.termMonths} 个月，期满可按规定续聘`,
    socialInsurance: 'work_injury',
    meals: false,
    contact: {
      name: `${pickSurname(rng)}同志`,
      phone: `0851-${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    },
  };
}
