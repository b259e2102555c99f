import { trainingApi, type CourseSummary } from '../api-training';
import { CourseDetail } from '../components/training/CourseDetail';
import { SeatBar } from '../components/training/SeatBar';
import { Link } from '../components/Link';
import { Panel } from '../components/Panel';
import { useLang } from '../i18n';
import { trainingWords, type TrainingWords } from '../i18n-training';
import { occupationLabel } from '../people-format';
import { areaName } from '../regions';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { Back } from './People';

/** The county office's training courses: the list with seats, and a course's trainees (`/training/<id>`). */
export function TrainingPage({ session, courseId }: { session: Session; courseId?: string }) {
  const { lang } = useLang();
  const w = trainingWords(lang);
  const county = session.role === 'county_office' ? session.countyCode : undefined;
  if (!county) {
    return (
      <main className="detail">
        <Back />
        <p className="card muted">{w.countyOfficeOnly}</p>
      </main>
    );
  }
  const training = trainingApi(session.token);
  return (
    <main className="detail training-page">
      {courseId ? (
        <>
          <Link to={{ page: 'training' }} className="back">
            {w.allCourses}
          </Link>
          <CourseDetail key={courseId} training={training} courseId={courseId} />
        </>
      ) : (
        <>
          <Back />
          <h2 className="area-name">
            {w.title} · {areaName(county, lang)}
          </h2>
          <CourseList training={training} county={county} w={w} />
        </>
      )}
    </main>
  );
}

function CourseList({
  training,
  county,
  w,
}: {
  training: ReturnType<typeof trainingApi>;
  county: string;
  w: TrainingWords;
}) {
  const courses = useLoad((signal) => training.courses(county, signal), county);
  return (
    <Panel title={w.courseList} state={courses} className="wide">
      {(data) => (
        <>
          <p className="hint">{w.hint}</p>
          {data.items.length === 0 ? (
            <p className="muted">{w.noCourses}</p>
          ) : (
            <ul className="course-list" data-testid="courses">
              {data.items.map((c) => (
                <CourseItem key={c.courseId} c={c} w={w} />
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}

function CourseItem({ c, w }: { c: CourseSummary; w: TrainingWords }) {
  const { lang } = useLang();
  return (
    <li data-course={c.courseId}>
      <Link to={{ page: 'training', courseId: c.courseId }} className="course-link">
        <span className="course-title">{c.title}</span>
        <span className={`badge course-${c.status}`} data-status={c.status}>
          {w.status[c.status]}
        </span>
      </Link>
      <span className="course-facts">
        <span>{occupationLabel(c.occupation, lang)}</span>
        <span>{w.dateRange(c.startDate, c.endDate)}</span>
        <span>{c.place}</span>
      </span>
      <SeatBar taken={c.seatsTaken} seats={c.seats} w={w} />
    </li>
  );
}
