import { z } from 'zod';
import { skillTag } from './labour';
import { OCCUPATION_CODE_PATTERN, occupationCodeOf } from './occupations';

/**
 * An occupation code as events and responses carry it. Events check the shape only, not membership of the
 * list: a code taken off the list one day must not make a stored event unreadable.
 */
export const occupationCode = z
  .string()
  .regex(OCCUPATION_CODE_PATTERN, 'An occupation code is a GB/T 6565 code, e.g. 6-05-01-03');
export const occupationCodes = z.array(occupationCode).max(50);
/** Skills as codes: what current events and responses carry. */
export const skills = occupationCodes;

/**
 * Skills as a read model answers them: codes, or the tags of a row projected before codes until the
 * projections are rebuilt (`npm run projections:rebuild`), so an upgraded platform never answers 500 on one.
 */
export const projectedSkills = z
  .array(z.union([occupationCode, skillTag]))
  .max(50)
  .meta({ description: '职业分类大典 codes (a row projected before codes shows its tags until a rebuild)' });

const unknownOccupation = (value: string) =>
  `未知的职业或技能「${value}」：请填写职业分类大典代码（如 6-05-01-03 缝纫工）` +
  ` / Unknown occupation "${value}": give a 职业分类大典 code such as 6-05-01-03`;

/**
 * What a client sends for an occupation or a skill: a code of the list, or one of the tags clients sent
 * before codes (`sewing`, `sewing_machinist`, …), which becomes its code. Anything else is refused on the
 * field that holds it (`occupation`, `skills.2`, `skill`).
 */
export const occupationInput = z
  .string()
  .max(64)
  .superRefine((value, ctx) => {
    if (occupationCodeOf(value) === undefined)
      ctx.addIssue({ code: 'custom', message: unknownOccupation(value) });
  })
  .transform((value) => occupationCodeOf(value) ?? value)
  .meta({
    example: '6-05-01-03',
    description: 'A 职业分类大典 (GB/T 6565) code; legacy tags such as "sewing" are accepted',
  });

/** Skills as a client sends them: codes or legacy tags, each made a code once (two tags may share one). */
export const skillsInput = z
  .array(occupationInput)
  .max(50)
  .transform((codes) => [...new Set(codes)]);

/** Codes in order, each once: what an upcast gives for the tags it maps. */
export function codesOfTags(tags: readonly string[]): { codes: string[]; unmapped: string[] } {
  const codes = new Set<string>();
  const unmapped: string[] = [];
  for (const tag of tags) {
    const code = occupationCodeOf(tag);
    if (code === undefined) unmapped.push(tag);
    else codes.add(code);
  }
  return { codes: [...codes], unmapped };
}
