/**
 * Occupations of 国家职业分类大典 (GB/T 6565), with Chinese and English labels, as plain data (the web
 * imports it without zod). Vacancies and workers refer to occupations by code.
 */
export interface Occupation {
  /** GB/T 6565 code, e.g. 6-05-01-01. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export const OCCUPATIONS: readonly Occupation[] = [
  { code: '6-05-01-01', zh: '缝纫工', en: 'Sewing machinist' },
];

const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));

/** The occupation of a code; an unknown code labels as itself, so an old record still shows something. */
export function occupationOf(code: string): { code: string; label: string; labelEn: string } {
  const known = BY_CODE.get(code);
  return { code, label: known?.zh ?? code, labelEn: known?.en ?? code };
}
