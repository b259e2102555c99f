import { z } from 'zod';
import { householdId, placementId, vacancyId, workerId } from '@contracts';

/** The ids the platform's routes take in their path (`/:id`), each declared once. */
export const householdParams = z.object({ id: householdId }).strict();
export const workerParams = z.object({ id: workerId }).strict();
export const vacancyParams = z.object({ id: vacancyId }).strict();
export const placementParams = z.object({ id: placementId }).strict();
