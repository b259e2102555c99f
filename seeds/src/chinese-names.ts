import type { Gender } from '@contracts/values';
import type { Rng } from './prng';

/**
 * Synthetic Chinese names: common surnames (weighted toward those frequent in Guizhou, including Miao,
 * Buyei and Dong families' 龙, 石, 潘, 韦, 蒙, 罗) and common given-name characters. Any match with a
 * real person is a coincidence.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 9], ['李', 9], ['张', 8], ['刘', 6], ['陈', 7], ['杨', 9], ['黄', 5], ['吴', 7], ['赵', 4],
  ['周', 4], ['罗', 6], ['龙', 5], ['石', 4], ['潘', 4], ['韦', 3], ['蒙', 2], ['徐', 2], ['胡', 3],
  ['朱', 2], ['高', 2], ['何', 3], ['郭', 2], ['马', 2], ['邓', 2], ['田', 3], ['谢', 2], ['宋', 2],
  ['安', 2], ['熊', 2], ['彭', 2], ['袁', 2], ['肖', 2], ['唐', 2], ['冉', 1], ['欧', 1], ['禄', 1],
]; // prettier-ignore

const MALE_CHARACTERS = [
  '伟', '强', '军', '勇', '明', '华', '建', '国', '平', '林', '峰', '志', '成', '文', '斌', '海',
  '涛', '超', '杰', '鹏', '飞', '龙', '云', '刚', '波', '宇', '浩', '俊', '磊', '兵', '江', '德',
  '福', '贵', '荣', '学', '才', '发', '忠', '祥', '顺', '红', '光', '正', '昌', '旭',
]; // prettier-ignore

const FEMALE_CHARACTERS = [
  '芳', '丽', '敏', '艳', '娟', '霞', '英', '玲', '红', '梅', '燕', '萍', '兰', '琴', '秀', '珍',
  '凤', '花', '娇', '美', '雪', '婷', '静', '倩', '莉', '慧', '春', '桃', '银', '金', '群', '月',
  '仙', '菊', '芬', '琳', '欣', '怡', '妮', '佳',
]; // prettier-ignore

export const pickSurname = (rng: Rng): string => rng.weighted(SURNAMES);

export function givenName(rng: Rng, gender: Gender): string {
  const characters = gender === 'male' ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  const first = rng.pick(characters);
  return rng.chance(0.75) ? first + rng.pick(characters) : first;
}
