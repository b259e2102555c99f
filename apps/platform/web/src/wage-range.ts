import type { Lang } from './i18n';

/** A vacancy's wage as people read it: one number when the range is one amount, else "min–max". */
export function wageRange(wage: { min: number; max: number }, lang: Lang): string {
  const n = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return wage.min === wage.max ? n(wage.min) : `${n(wage.min)}–${n(wage.max)}`;
}
