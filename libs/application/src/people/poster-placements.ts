/**
 * Who a station or workshop sees (libs/auth/src/personal-data.ts): the people placed in its vacancies NOW.
 * A placement counts from WorkerPlaced until it is ended (EmploymentEnded names it as its employmentId) or
 * voided (PlacementVoided); a person placed twice with one poster stays while either placement is active.
 * People are slots of the PeopleIndex.
 */
export class PosterPlacements {
  private readonly vacanciesOf = new Map<string, Set<string>>();
  private readonly placementsIn = new Map<string, Set<string>>();
  private readonly active = new Map<string, { readonly slot: number; readonly vacancyId: string }>();

  /** A vacancy of a poster (`posterKey`). */
  posted(poster: string, vacancyId: string): void {
    const set = this.vacanciesOf.get(poster) ?? new Set<string>();
    this.vacanciesOf.set(poster, set.add(vacancyId));
  }

  placed(placementId: string, vacancyId: string, slot: number): void {
    if (this.active.has(placementId)) return;
    this.active.set(placementId, { slot, vacancyId });
    const set = this.placementsIn.get(vacancyId) ?? new Set<string>();
    this.placementsIn.set(vacancyId, set.add(placementId));
  }

  /** The placement ended or was voided; an id that is no active placement (an outside job) changes nothing. */
  ended(placementId: string): void {
    const placement = this.active.get(placementId);
    if (!placement) return;
    this.active.delete(placementId);
    this.placementsIn.get(placement.vacancyId)?.delete(placementId);
  }

  /** The slots of the people placed now in the poster's vacancies. */
  slotsOf(poster: string): Set<number> {
    const slots = new Set<number>();
    for (const vacancyId of this.vacanciesOf.get(poster) ?? []) {
      for (const placementId of this.placementsIn.get(vacancyId) ?? []) {
        const placement = this.active.get(placementId);
        if (placement) slots.add(placement.slot);
      }
    }
    return slots;
  }
}
