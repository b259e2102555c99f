import type { z } from 'zod';
import { OLDEST_BIRTH_YEAR, YOUNGEST_WORKER_AGE, residentIdProblem } from '@contracts';
import { GENDER_ZH } from '../excel/chinese-labels';

const ID_PROBLEMS = {
  format: '须为18位数字（末位可为X）；请把这一列设为文本格式，以免变成科学计数法',
  region: '前两位不是有效的省级行政区划代码',
  birth_date: '号码中的出生日期无效',
  check_digit: '校验位不对，请核对号码',
} as const;

/** The schema's issue for an empty cell (a required field left out), not for a wrong value. */
export const memberIssueIsMissing = (issue: z.core.$ZodIssue): boolean =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;

/** What a member's field got wrong, in the words a county office reads (the API's messages are English). */
export function memberIssueReason(
  field: string,
  issue: z.core.$ZodIssue,
  member: Readonly<Record<string, unknown>>,
  rowOfMember: (index: number) => number | undefined,
  currentYear: number,
): string {
  if (memberIssueIsMissing(issue)) return '必填';
  const sameAs = /members\.(\d+)/.exec(issue.message)?.[1];
  switch (field) {
    case 'idNumber': {
      if (sameAs !== undefined) return `与第${rowOfMember(Number(sameAs)) ?? '?'}行的公民身份号码相同`;
      const problem = residentIdProblem(String(member.idNumber ?? ''));
      return problem ? ID_PROBLEMS[problem] : '公民身份号码无效';
    }
    case 'birthYear': {
      const onId = /which gives (\d{4})/.exec(issue.message)?.[1];
      if (onId) return `与公民身份号码不符（号码中为${onId}年）`;
      return `须在${OLDEST_BIRTH_YEAR}年至${currentYear - YOUNGEST_WORKER_AGE}年之间（未满${YOUNGEST_WORKER_AGE}岁的不登记）`;
    }
    case 'gender': {
      const onId = /which gives (female|male)/.exec(issue.message)?.[1] as 'female' | 'male' | undefined;
      return onId ? `与公民身份号码不符（号码中为${GENDER_ZH[onId]}）` : '请填 男 或 女';
    }
    case 'relationToHead':
      return sameAs !== undefined
        ? `一户只能有一位户主：第${rowOfMember(Number(sameAs)) ?? '?'}行已是户主`
        : '请填 户主、配偶、子女、父母、孙子女、兄弟姐妹、其他';
    case 'phone':
      return '须为11位手机号码，以13至19开头，如 13812345678';
    case 'name':
      return '须为姓名文字（不超过100字），不能含不可见字符、控制字符或尖括号标记';
    case 'ethnicity':
      return '须为文字（不超过200字），不能含不可见字符、控制字符或尖括号标记';
    case 'skills': {
      const index = issue.path[3];
      const token = Array.isArray(member.skills) && typeof index === 'number' ? member.skills[index] : '';
      return `「${String(token)}」不是已知的职业编码或名称（多个用“、”隔开）`;
    }
    case 'expectedMonthlyWage':
      return '须为0至10000000之间的整数（元/月）';
    default:
      return '填写有误';
  }
}
