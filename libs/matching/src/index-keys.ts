import { LabourCapacity, MatchingVacancy, MatchingWorker } from './model';

/**
 * Bucket keys of the recommendation index: labour capacity × (region | skill | occupation).
 * A vacancy is filed under every key a worker it could suit would look up, and the other way round.
 */

export function vacancyKeys(v: MatchingVacancy): string[] {
  const places: string[] = [];
  const loc = v.location;
  if (loc.provinceIsGuizhou) {
    if (loc.relocationSiteId) places.push(`site:${loc.relocationSiteId}`);
    if (loc.countyCode) places.push(`county:${loc.countyCode}`);
    if (loc.prefectureCode) places.push(`pref:${loc.prefectureCode}`);
    places.push('gz');
  } else {
    if (loc.partnerPrefectureCode) places.push(`partner:${loc.partnerPrefectureCode}`);
    places.push('out');
  }
  const topics = [...v.requiredSkills.map((s) => `skill:${s}`), `occ:${v.occupation}`];
  const keys: string[] = [];
  for (const cap of v.acceptedCapacities) {
    if (cap === 'weak' && !v.takesWeakCapacity) continue;
    for (const k of places) keys.push(`${cap}|${k}`);
    for (const k of topics) keys.push(`${cap}|${k}`);
  }
  return keys;
}

/** The vacancy buckets a worker looks in, most specific (highest score potential) first. */
export function vacancyBucketsFor(w: MatchingWorker): string[] {
  const cap: LabourCapacity = w.labourCapacity;
  const inProvince = w.preference !== 'out_of_province';
  const outside = w.preference === 'out_of_province' || w.preference === 'any';
  const keys: string[] = [];
  if (inProvince) keys.push(`site:${w.relocationSiteId}`, `county:${w.countyCode}`);
  if (outside) keys.push(`partner:${w.prefectureCode}`);
  for (const s of w.skills) keys.push(`skill:${s}`);
  for (const t of w.trainings) keys.push(`skill:${t}`, `occ:${t}`);
  if (inProvince && w.preference !== 'local') keys.push(`pref:${w.prefectureCode}`, 'gz');
  if (outside) keys.push('out');
  return keys.map((k) => `${cap}|${k}`);
}

export function workerKeys(w: MatchingWorker): string[] {
  const cap = w.labourCapacity;
  const keys = [`site:${w.relocationSiteId}`, `county:${w.countyCode}`, `pref:${w.prefectureCode}`, 'all'];
  for (const s of new Set([...w.skills, ...w.trainings])) keys.push(`skill:${s}`);
  return keys.map((k) => `${cap}|${k}`);
}

/** The worker buckets a vacancy looks in, most specific first. */
export function workerBucketsFor(v: MatchingVacancy): string[] {
  const loc = v.location;
  const keys: string[] = [];
  if (loc.relocationSiteId) keys.push(`site:${loc.relocationSiteId}`);
  if (loc.countyCode) keys.push(`county:${loc.countyCode}`);
  if (loc.partnerPrefectureCode) keys.push(`pref:${loc.partnerPrefectureCode}`);
  for (const s of v.requiredSkills) keys.push(`skill:${s}`);
  if (loc.prefectureCode) keys.push(`pref:${loc.prefectureCode}`);
  if (!v.welfarePost) keys.push('all');
  const out: string[] = [];
  for (const cap of v.acceptedCapacities) for (const k of keys) out.push(`${cap}|${k}`);
  return out;
}
