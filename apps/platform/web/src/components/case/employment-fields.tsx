import { useState } from 'react';
import { CHANNELS, type Channel } from '../../api-types';
import { useLang } from '../../i18n';
import { localDateValue } from '../../time';
import { Options } from './fields';
import { Field } from './form-parts';

/** An employment a visit found, as typed so far: in a channel, from today by default. */
export interface EmploymentDraft {
  readonly channel: Channel;
  readonly employer: string;
  readonly startDate: string;
}

export interface Employment {
  readonly draft: EmploymentDraft;
  change(change: Partial<EmploymentDraft>): void;
  /** What a request sends: the employer only when one was typed. */
  body(): { channel: Channel; startDate: string; employer?: string };
}

export function useEmployment(channel: Channel, todayMs = Date.now()): Employment {
  const [draft, setDraft] = useState<EmploymentDraft>(() => ({
    channel,
    employer: '',
    startDate: localDateValue(todayMs),
  }));
  return {
    draft,
    change: (change) => setDraft((d) => ({ ...d, ...change })),
    body: () => {
      const employer = draft.employer.trim();
      return { channel: draft.channel, startDate: draft.startDate, ...(employer ? { employer } : {}) };
    },
  };
}

/**
 * The channel, employer and start date of an employment, named in the request as `<part>.<field>`; `partError`
 * (an error about the whole part) shows at the channel.
 */
export function EmploymentFields({
  part,
  employment: { draft, change },
  errors,
  partError,
}: {
  part: string;
  employment: Employment;
  errors: Readonly<Record<string, string>>;
  partError?: string;
}) {
  const { t } = useLang();
  return (
    <>
      <Field label={t.channelLabel} error={errors[`${part}.channel`] ?? partError} name={`${part}.channel`}>
        <select
          name="channel"
          value={draft.channel}
          onChange={(e) => change({ channel: e.target.value as Channel })}
        >
          <Options values={CHANNELS} labels={t.channel} />
        </select>
      </Field>
      <Field label={t.employer} error={errors[`${part}.employer`]} name={`${part}.employer`}>
        <input
          name="employer"
          value={draft.employer}
          onChange={(e) => change({ employer: e.target.value })}
          maxLength={200}
        />
      </Field>
      <Field label={t.startDate} error={errors[`${part}.startDate`]} name={`${part}.startDate`}>
        <input
          type="date"
          name="startDate"
          value={draft.startDate}
          onChange={(e) => change({ startDate: e.target.value })}
          required
        />
      </Field>
    </>
  );
}
