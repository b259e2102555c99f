import type { KeyedProjection } from '../shared/keyed-projection';

/** A workshop as the report by workshop names it: its county and whether it is still certified. */
export interface WorkshopRecord {
  readonly workshopId: string;
  readonly name: string;
  readonly countyCode: string;
  readonly relocationSiteId: string;
  /** WorkshopDecertified: the workshop stays in the report (its placements happened), marked. */
  readonly decertifiedAt: string | null;
  readonly lastRevision: number;
}

export const workshopRegisterProjection: KeyedProjection<
  WorkshopRecord,
  'WorkshopCertified' | 'WorkshopDecertified'
> = {
  name: 'report-workshop-register',
  handles: ['WorkshopCertified', 'WorkshopDecertified'],
  keyOf: (event) => event.data.workshopId,
  evolve(doc, event) {
    if (event.type === 'WorkshopCertified') {
      if (doc) return doc;
      const { workshopId, name, countyCode, relocationSiteId } = event.data;
      return {
        workshopId,
        name,
        countyCode,
        relocationSiteId,
        decertifiedAt: null,
        lastRevision: event.revision,
      };
    }
    if (doc === undefined || doc.decertifiedAt !== null) return doc;
    return { ...doc, decertifiedAt: event.data.decertifiedAt };
  },
};
