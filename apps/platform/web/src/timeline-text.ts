import type { CaseTimelineEntry, Channel } from './api-types';
import type { Lang } from './i18n';
import type { CaseWords } from './i18n-cases';

/** The words a timeline needs: the case words and the channel names. */
export type TimelineWords = Pick<
  CaseWords,
  | 'entry'
  | 'method'
  | 'finding'
  | 'measureKind'
  | 'clearedBy'
  | 'previously'
  | 'employmentFound'
  | 'noLabourFound'
  | 'forMember'
  | 'vacanciesOffered'
  | 'takenBy'
  | 'note'
  | 'platform'
> & { channel: Readonly<Record<Channel, string>> };

export interface TimelineNames {
  /** Members by worker id. */
  readonly members: ReadonlyMap<string, string>;
  /** Vacancy titles by id, as far as they are known. */
  readonly vacancies: ReadonlyMap<string, string>;
}

export interface TimelineText {
  readonly title: string;
  readonly lines: readonly string[];
  readonly by: string;
}

/** The platform's own entries are recorded by its employment monitor. */
export const PLATFORM_ACTOR = 'employment-monitor';

type Details = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const person = (v: unknown): { id: string; name: string } | undefined =>
  v && typeof v === 'object' && str((v as Details).name) ? (v as { id: string; name: string }) : undefined;

/** One timeline entry in words: what happened, its particulars, who recorded it (names, not ids). */
export function describeEntry(
  entry: CaseTimelineEntry,
  w: TimelineWords,
  names: TimelineNames,
  lang: Lang,
): TimelineText {
  const d = entry.details as Details;
  const sep = lang === 'zh' ? '：' : ': ';
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
  const member = (id: unknown) => (str(id) ? (names.members.get(id as string) ?? (id as string)) : undefined);
  const labelled = (label: string, value: string | undefined) => (value ? [`${label}${sep}${value}`] : []);
  const by = entry.by === PLATFORM_ACTOR ? w.platform : entry.by;
  switch (entry.type) {
    case 'opened':
      return { title: w.entry.opened, lines: [], by };
    case 'assigned': {
      const now = person(d.assignee);
      const before = person(d.previous);
      return {
        title: w.entry.assigned,
        lines: [
          ...(now ? [lang === 'zh' ? `${now.name}（${now.id}）` : `${now.name} (${now.id})`] : []),
          ...(before ? [`${w.previously} ${before.name}`] : []),
        ],
        by,
      };
    }
    case 'verified': {
      const method = w.method[d.method as keyof TimelineWords['method']] ?? str(d.method) ?? '';
      const finding = w.finding[d.finding as keyof TimelineWords['finding']] ?? str(d.finding) ?? '';
      const followUp = (d.followUp ?? undefined) as Details | undefined;
      const facts: string[] = [];
      if (followUp?.kind === 'employment_reported') {
        const parts = [
          member(followUp.workerId),
          w.channel[followUp.channel as Channel],
          str(followUp.employer),
          str(followUp.startDate),
        ].filter((x): x is string => !!x);
        facts.push(`${w.employmentFound}${sep}${parts.join(' · ')}`);
      }
      if (followUp?.kind === 'no_labour' && Array.isArray(followUp.workerIds)) {
        facts.push(`${w.noLabourFound}${sep}${list(followUp.workerIds.map((id) => member(id) ?? ''))}`);
      }
      return {
        title: `${w.entry.verified} · ${method}`,
        lines: [finding, ...facts, ...labelled(w.note, str(d.note))],
        by,
      };
    }
    case 'measure': {
      const kind = w.measureKind[d.kind as keyof TimelineWords['measureKind']] ?? str(d.kind) ?? '';
      const offered = Array.isArray(d.vacancyIds)
        ? list(d.vacancyIds.map((id: string) => names.vacancies.get(id) ?? id))
        : undefined;
      return {
        title: `${w.entry.measure} · ${kind}`,
        lines: [
          ...labelled(w.forMember, member(d.workerId)),
          ...labelled(w.vacanciesOffered, offered),
          ...labelled(w.takenBy, str(d.takenBy)),
          ...labelled(w.note, str(d.note)),
        ],
        by,
      };
    }
    case 'cleared': {
      const cleared = (d.clearedBy ?? {}) as Details;
      const how =
        cleared.kind === 'employment'
          ? `${w.clearedBy.employment} · ${w.channel[cleared.channel as Channel] ?? ''}`
          : cleared.kind === 'no_labour'
            ? w.clearedBy.no_labour
            : '';
      return { title: w.entry.cleared, lines: how ? [how] : [], by };
    }
  }
}
