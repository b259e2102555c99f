import { useState, type FormEvent } from 'react';
import { useLang } from '../../i18n';
import { Field, FormFoot, useCommand, type CaseFormProps } from './form-parts';

const FIELDS = ['assignee.id', 'assignee.name', 'assignee'];

/** Assign (or reassign) the responsible cadre (帮扶责任人), by id and name; "mine" is the caller's account. */
export function AssignForm({ api, c, me, onRecorded }: CaseFormProps & { me: string }) {
  const { t } = useLang();
  const [id, setId] = useState(c.assignee?.id ?? '');
  const [name, setName] = useState(c.assignee?.name ?? '');
  const command = useCommand(FIELDS, onRecorded);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void command.run(() => api.assign(c.caseId, { assignee: { id: id.trim(), name: name.trim() } }));
  };
  const err = command.errors.fields;
  return (
    <form className="case-form" onSubmit={submit} data-form="assign">
      <div className="row">
        <Field label={t.cadreName} error={err['assignee.name']} name="assignee.name">
          <input
            name="assigneeName"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
          />
        </Field>
        <Field label={t.cadreId} error={err['assignee.id'] ?? err.assignee} name="assignee.id">
          <input
            name="assigneeId"
            value={id}
            onChange={(e) => setId(e.target.value)}
            required
            maxLength={200}
          />
        </Field>
      </div>
      <button type="button" className="link-button" onClick={() => setId(me)}>
        {t.assignToMe}
      </button>
      <FormFoot command={command} label={t.assign} />
    </form>
  );
}
