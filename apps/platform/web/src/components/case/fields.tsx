import { useState } from 'react';
import { CHANNELS, type Channel } from '../../api-types';
import { useLang } from '../../i18n';
import { instantOf, localDateValue, localInputValue } from '../../time';
import { Field } from './form-parts';

type Errors = Readonly<Record<string, string>>;

/** The options of a closed list, each by its label in the page's language. */
export function Options<T extends string>({
  values,
  labels,
}: {
  values: readonly T[];
  labels: Readonly<Record<T, string>>;
}) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}

/** When something was done, as typed: local date and time, `from` (now) by default. */
export interface PastTime {
  readonly value: string;
  set(value: string): void;
  /** What a request sends: the instant (now to the second within the current minute). */
  instant(): string;
}

export function usePastTime(fromMs = Date.now()): PastTime {
  const [value, set] = useState(() => localInputValue(fromMs));
  return { value, set, instant: () => instantOf(value, Date.now()) ?? value };
}

/** A past time's input: never in the future. */
export function PastTimeField({
  label,
  name,
  time,
  error,
}: {
  label: string;
  name: string;
  time: PastTime;
  error?: string;
}) {
  return (
    <Field label={label} error={error} name={name}>
      <input
        type="datetime-local"
        name={name}
        value={time.value}
        max={localInputValue(Date.now())}
        onChange={(e) => time.set(e.target.value)}
        required
      />
    </Field>
  );
}

/** A record's free-text note. */
export function NoteField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  const { t } = useLang();
  return (
    <Field label={t.note} error={error} name="note">
      <textarea
        name="note"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={1000}
      />
    </Field>
  );
}

/** An employment a visit found, as typed so far. */
export interface EmploymentDraft {
  readonly channel: Channel;
  readonly employer: string;
  readonly startDate: string;
}

/** A draft that starts today, in the given channel. */
export function useEmploymentDraft(channel: Channel, todayMs: number) {
  return useState<EmploymentDraft>(() => ({ channel, employer: '', startDate: localDateValue(todayMs) }));
}

/** The draft as a request sends it: the employer only when one was typed. */
export function employmentOf({ channel, employer, startDate }: EmploymentDraft) {
  return { channel, startDate, ...(employer.trim() ? { employer: employer.trim() } : {}) };
}

/**
 * The channel, employer and start date of an employment, named in the request as `<part>.<field>`; `partError`
 * (an error about the whole part) shows at the channel.
 */
export function EmploymentFields({
  part,
  draft,
  onChange,
  errors,
  partError,
}: {
  part: string;
  draft: EmploymentDraft;
  onChange(draft: EmploymentDraft): void;
  errors: Errors;
  partError?: string;
}) {
  const { t } = useLang();
  const set = (change: Partial<EmploymentDraft>) => onChange({ ...draft, ...change });
  return (
    <>
      <Field label={t.channelLabel} error={errors[`${part}.channel`] ?? partError} name={`${part}.channel`}>
        <select
          name="channel"
          value={draft.channel}
          onChange={(e) => set({ channel: e.target.value as Channel })}
        >
          <Options values={CHANNELS} labels={t.channel} />
        </select>
      </Field>
      <Field label={t.employer} error={errors[`${part}.employer`]} name={`${part}.employer`}>
        <input
          name="employer"
          value={draft.employer}
          onChange={(e) => set({ employer: e.target.value })}
          maxLength={200}
        />
      </Field>
      <Field label={t.startDate} error={errors[`${part}.startDate`]} name={`${part}.startDate`}>
        <input
          type="date"
          name="startDate"
          value={draft.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
          required
        />
      </Field>
    </>
  );
}
