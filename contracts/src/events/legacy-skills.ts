import { codesOfTags, UNCLASSIFIED_OCCUPATION, occupationCodeOf } from '../values';

/**
 * How the upcasts read the skill and occupation tags of events written before codes. Every tag in use then
 * has a code (LEGACY_SKILL_TAGS); a tag that has none is not dropped in silence but kept beside the codes,
 * so what was recorded is never lost.
 */

/** Skills: the codes of the tags, each once; the tags without one under `unmappedSkills`. */
export function skillsOfTags(tags: readonly string[]): { skills: string[]; unmappedSkills?: string[] } {
  const { codes, unmapped } = codesOfTags(tags);
  return unmapped.length === 0 ? { skills: codes } : { skills: codes, unmappedSkills: unmapped };
}

/** One occupation or skill: its code, or 不便分类的其他从业人员 with the tag kept. */
export function codeOfTag(tag: string): { code: string; unmapped?: string } {
  const code = occupationCodeOf(tag);
  return code === undefined ? { code: UNCLASSIFIED_OCCUPATION, unmapped: tag } : { code };
}
