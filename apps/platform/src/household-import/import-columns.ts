/**
 * The columns of the household ledger (台账) as the template writes them and the import reads them, by their
 * Chinese header: the import finds each column by its header, so a county office may reorder them or add its
 * own (ignored).
 */
export const COLUMN = {
  householdKey: '户编号',
  name: '姓名',
  idNumber: '公民身份号码',
  relationToHead: '与户主关系',
  gender: '性别',
  birthYear: '出生年份',
  ethnicity: '民族',
  labourCapacity: '劳动能力',
  skills: '技能/工种',
  preference: '就业意愿',
  expectedMonthlyWage: '期望月薪',
  phone: '手机号码',
  site: '安置点',
  address: '住址',
  returnee: '是否返乡',
} as const;

export type ColumnKey = keyof typeof COLUMN;

/** The columns without which a row cannot be a member. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'householdKey',
  'name',
  'idNumber',
  'labourCapacity',
  'preference',
  'site',
];

/** The template's order and widths (in characters). */
export const TEMPLATE_COLUMNS: readonly { key: ColumnKey; width: number; note: string }[] = [
  { key: 'householdKey', width: 10, note: '必填。同一户的成员填同一个编号（如 1、2、3 或村里的户号）' },
  { key: 'name', width: 10, note: '必填' },
  { key: 'idNumber', width: 22, note: '必填，18位，末位可为X；请设为文本格式，避免变成科学计数法' },
  { key: 'relationToHead', width: 12, note: '选填：户主、配偶、子女、父母、孙子女、兄弟姐妹、其他；每户至多一位户主' },
  { key: 'gender', width: 8, note: '选填：男/女；空着时按身份证号码填写' },
  { key: 'birthYear', width: 10, note: '选填：四位年份；空着时按身份证号码填写' },
  { key: 'ethnicity', width: 10, note: '选填，如 汉族、苗族、布依族' },
  { key: 'labourCapacity', width: 12, note: '必填：全劳动力、半劳动力、弱劳动力、无劳动能力' },
  { key: 'skills', width: 24, note: '选填：职业编码或名称（如 6-05-01-03 或 缝纫工），多个用“、”隔开' },
  { key: 'preference', width: 12, note: '必填：县内就近、省内务工、省外务工、均可' },
  { key: 'expectedMonthlyWage', width: 12, note: '选填：元/月，整数' },
  { key: 'phone', width: 14, note: '选填：11位手机号码' },
  { key: 'site', width: 20, note: '必填：本县的安置点名称（下拉选择）或编号；同一户填同一个' },
  { key: 'address', width: 22, note: '选填：楼栋单元门牌（如 3栋2单元501）或村组；同一户填同一个' },
  { key: 'returnee', width: 10, note: '选填：是/否（返乡回流人员）' },
]; // prettier-ignore
