/**
 * The closed lists of values that the county office's web page offers to choose from, as plain data: the
 * contracts build their zod enums from them, and the web imports them without bundling zod.
 */

/** How a person is employed; a household is covered by any of them. */
export const CHANNELS = [
  'out_of_province',
  'in_province',
  'workshop',
  'public_welfare',
  'self_employed',
  'flexible',
] as const;

/** What a job-retention follow-up (稳岗回访) found: still in the job, left it, or moved to another one. */
export const FOLLOW_UP_OUTCOMES = ['still_employed', 'left', 'changed_job'] as const;

/** How a cadre checked on the ground (基层核实). */
export const CASE_VERIFICATION_METHODS = ['home_visit', 'phone', 'department_data'] as const;

/** What the check found. `employed_elsewhere` and `no_labour` change facts: they come with the household's. */
export const CASE_FINDINGS = [
  'confirmed',
  'employed_elsewhere',
  'no_labour',
  'moved_away',
  'unreachable',
] as const;

/** The assistance measures (帮扶措施) of the fast response (快速响应). */
export const CASE_MEASURE_KINDS = [
  'job_recommendation',
  'career_guidance',
  'training_referral',
  'welfare_post_offer',
  'other',
] as const;
