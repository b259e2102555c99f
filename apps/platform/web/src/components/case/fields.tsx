import { useState } from 'react';
import { useLang } from '../../i18n';
import { instantOf, localInputValue } from '../../time';
import { Field } from './form-parts';

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
  const [value, setValue] = useState(() => localInputValue(fromMs));
  const [edited, setEdited] = useState(false);
  const set = (next: string) => {
    setValue(next);
    setEdited(true);
  };
  // Left as offered, the time is "now" when the record is sent, not when the page was opened: a measure
  // recorded after a visit never falls before it on the timeline because its form was drawn a minute earlier.
  const instant = () => (edited ? (instantOf(value, Date.now()) ?? value) : new Date().toISOString());
  return { value, set, instant };
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
