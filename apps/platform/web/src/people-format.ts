import type { Lang } from './i18n';
import { occupationOf } from '../../../../contracts/src/values/occupations';
import type { Labelled, MemberProfile, VacancySummary } from './people-types';

type Words = { boardAndLodging: string; lodgingOnly: string; mealsOnly: string };

/** 包吃住 when both, else the one provided; undefined when neither (or not stated). */
export function boardText(v: Pick<VacancySummary, 'accommodation' | 'meals'>, t: Words): string | undefined {
  if (v.accommodation && v.meals) return t.boardAndLodging;
  if (v.accommodation) return t.lodgingOnly;
  if (v.meals) return t.mealsOnly;
  return undefined;
}

/** The head of a household: the member recorded as head, else the first registered. */
export const headOf = (members: readonly MemberProfile[]): MemberProfile | undefined =>
  members.find((m) => m.relationToHead === 'head') ?? members[0];

/** Where a job is: the city, with the province when it is not Guizhou (广东 东莞, but 贵阳). */
export function placeOf(location: { province: string; city: string }, lang: Lang): string {
  const home = /贵州|Guizhou/i.test(location.province);
  if (home || !location.province) return location.city;
  return lang === 'zh' ? `${location.province}${location.city}` : `${location.city}, ${location.province}`;
}

/** A mainland mobile grouped as people read it aloud: 138 1234 5678. */
export const formatPhone = (phone: string): string =>
  /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone;

/** A tel: link's address (digits only, a landline's dash dropped). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * An occupation or skill as the page's language names it: the platform's Chinese label, or in English the
 * register's English label (the Chinese one when the register has none: never the code).
 */
export function occupationLabel(o: Labelled, lang: Lang): string {
  if (lang === 'zh') return o.label;
  const known = occupationOf(o.code);
  return known.labelEn !== o.code ? known.labelEn : o.label;
}
