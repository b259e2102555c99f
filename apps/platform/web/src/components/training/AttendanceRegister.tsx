import { useState, type FormEvent } from 'react';
import type { CourseDetail, TrainingApi } from '../../api-training';
import { useLang } from '../../i18n';
import type { TrainingWords } from '../../i18n-training';
import { placeErrors, type PlacedErrors } from '../../training-errors';
import { inClass, registerDays, registerOf, ticksOn } from '../../training-days';
import { guizhouToday } from '../../guizhou-dates';

const NONE: PlacedErrors = { fields: {} };

/**
 * A day's register (today by default): a tick box per trainee in class, the unticked recorded absent. The
 * server's refusals sit next to the date or the trainee they name (`present.<i>` / `absent.<i>`).
 */
export function AttendanceRegister({
  training,
  course,
  w,
  onRecorded,
}: {
  training: TrainingApi;
  course: CourseDetail;
  w: TrainingWords;
  onRecorded(position: string): void;
}) {
  const { lang } = useLang();
  const days = registerDays(course, guizhouToday());
  const trainees = inClass(course.trainees ?? []);
  const [date, setDate] = useState(days?.max ?? guizhouToday());
  const [ticks, setTicks] = useState(() => ticksOn(trainees, date));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PlacedErrors>(NONE);
  const [saved, setSaved] = useState<string | undefined>();
  if (!days || trainees.length === 0) return null;

  const pickDay = (next: string) => {
    setDate(next);
    setTicks(ticksOn(trainees, next));
    setSaved(undefined);
    setErrors(NONE);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const register = registerOf(trainees, ticks, date);
    // A refusal naming `present.2` is about the third worker sent as present.
    const placeOf = (path: string) => {
      const [list, index] = path.split('.');
      if (list === 'date') return 'date';
      const ids = list === 'present' ? register.present : list === 'absent' ? register.absent : undefined;
      return ids && index !== undefined ? ids[Number(index)] : undefined;
    };
    setBusy(true);
    setErrors(NONE);
    setSaved(undefined);
    try {
      const done = await training.attend(course.courseId, { date, ...register });
      setSaved(w.registerSaved(done.changed));
      onRecorded(done.position);
    } catch (error) {
      setErrors(placeErrors(error, placeOf, w, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="register" onSubmit={submit} data-testid="register" noValidate>
      <h3>{w.registerTitle}</h3>
      <p className="hint">{w.registerHint}</p>
      <div className="register-day">
        <label>
          {w.day}{' '}
          <input
            type="date"
            name="date"
            value={date}
            min={days.min}
            max={days.max}
            onChange={(e) => e.target.value && pickDay(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => setTicks(Object.fromEntries(trainees.map((t) => [t.workerId, true])))}
        >
          {w.allPresent}
        </button>
        {errors.fields.date && (
          <span className="error field-error" role="alert" data-field="date">
            {errors.fields.date}
          </span>
        )}
      </div>
      <ul className="register-list">
        {trainees.map((t) => (
          <li key={t.workerId} data-worker={t.workerId}>
            <label>
              <input
                type="checkbox"
                checked={ticks[t.workerId] ?? false}
                onChange={(e) => setTicks({ ...ticks, [t.workerId]: e.target.checked })}
              />{' '}
              {t.name ?? w.unnamed}
            </label>
            {errors.fields[t.workerId] && (
              <span className="error field-error" role="alert" data-field={t.workerId}>
                {errors.fields[t.workerId]}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="register-actions">
        <button type="submit" disabled={busy}>
          {busy ? w.saving : w.saveRegister}
        </button>
        {saved && (
          <span className="all-clear" role="status">
            {saved}
          </span>
        )}
        {errors.form && (
          <span className="error" role="alert">
            {errors.form}
          </span>
        )}
      </div>
    </form>
  );
}
