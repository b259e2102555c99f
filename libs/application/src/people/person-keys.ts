import { initialsOf, searchKindOf } from './name-keys';
import { SlotLists } from './slot-lists';

function add<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What a person is found by, to their slot: the name (its characters and pairs), its pinyin initials, the
 * phone's last 4 digits and the ID hash. Names and ID hashes never change; a phone does.
 */
export class PersonKeys {
  private readonly slotName: string[] = [];
  private readonly slotPhone: (string | null)[] = [];
  private readonly names = new SlotLists();
  private readonly byInitials = new Map<string, number[]>();
  /** The distinct initials by their first letter: a prefix is looked for among a 26th of them. */
  private readonly initialsByFirstLetter = new Map<string, string[]>();
  private readonly byPhoneEnd = new Map<string, number[]>();
  private readonly byIdHash = new Map<string, number>();

  /** A new person, at the next slot (slots are given in order from 0). */
  addPerson(slot: number, name: string, idNumberHash: string): void {
    this.slotName[slot] = name;
    this.slotPhone[slot] = null;
    this.names.add(name, slot);
    for (const initials of initialsOf(name)) {
      if (!this.byInitials.has(initials)) add(this.initialsByFirstLetter, initials[0], initials);
      add(this.byInitials, initials, slot);
    }
    this.byIdHash.set(idNumberHash, slot);
  }

  setPhone(slot: number, phone: string): void {
    const previous = this.slotPhone[slot];
    if (previous === phone) return;
    if (previous !== null && previous !== undefined) {
      const bucket = this.byPhoneEnd.get(previous.slice(-4));
      const at = bucket?.indexOf(slot) ?? -1;
      if (bucket && at >= 0) bucket.splice(at, 1);
    }
    this.slotPhone[slot] = phone;
    add(this.byPhoneEnd, phone.slice(-4), slot);
  }

  slotOfIdHash(idNumberHash: string): number | undefined {
    return this.byIdHash.get(idNumberHash);
  }

  /** The slots a search text finds, ascending; the answer may be the index's own list: not to be changed. */
  find(q: string): readonly number[] {
    const kind = searchKindOf(q);
    if (kind === 'phone') {
      const bucket = this.byPhoneEnd.get(q.slice(-4)) ?? [];
      return bucket.filter((s) => this.slotPhone[s]?.endsWith(q)).sort((a, b) => a - b);
    }
    if (kind === 'initials') {
      // A person has one key per reading, and the readings differ in the surname's letter: no duplicates.
      const prefix = q.toLowerCase();
      const lists: number[][] = [];
      for (const initials of this.initialsByFirstLetter.get(prefix[0]) ?? []) {
        if (initials.startsWith(prefix)) lists.push(this.byInitials.get(initials) ?? []);
      }
      if (lists.length === 1) return lists[0];
      return Array.from(Int32Array.from(lists.flat()).sort());
    }
    return this.names.find(q, (s) => this.slotName[s].includes(q));
  }
}
