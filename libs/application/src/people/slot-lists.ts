/**
 * Names to slots by their characters and pairs of characters in a row (秀英 of 王秀英): a text of one
 * character reads that character's list, a longer one the rarest list of its pairs, and each candidate is
 * then checked by the caller (the pairs say "may contain", not "contains in this order").
 */
export class SlotLists {
  private readonly byChar = new Map<string, number[]>();
  private readonly byPair = new Map<string, number[]>();

  add(name: string, slot: number): void {
    const chars = [...name];
    for (const char of new Set(chars)) add(this.byChar, char, slot);
    for (const pair of new Set(pairsOf(chars))) add(this.byPair, pair, slot);
  }

  /** The slots whose name holds `text` (checked by `check` for a longer text), ascending; not to be changed. */
  find(text: string, check: (slot: number) => boolean): readonly number[] {
    const chars = [...text];
    const keys = chars.length === 1 ? chars : pairsOf(chars);
    const lists = chars.length === 1 ? this.byChar : this.byPair;
    let rarest: number[] | undefined;
    for (const key of keys) {
      const slots = lists.get(key);
      if (!slots) return [];
      if (!rarest || slots.length < rarest.length) rarest = slots;
    }
    // One character: its list is the answer as it is (no copy); pairs only say "may contain".
    if (chars.length === 1) return rarest ?? [];
    return (rarest ?? []).filter(check);
  }
}

const pairsOf = (chars: readonly string[]): string[] => chars.slice(1).map((c, i) => chars[i] + c);

function add(map: Map<string, number[]>, key: string, slot: number): void {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}
