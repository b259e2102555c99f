import { z } from 'zod';
import { positionString } from '../values';

// POST /v1/counties/:code/household-imports?mode=&importId=
export const householdImportQuery = z
  .object({
    /**
     * `all_or_nothing`: any bad row refuses the whole file (400, nothing appended); `valid_rows` (default):
     * the households without a bad row are imported, a household with one is left out whole.
     */
    mode: z.enum(['valid_rows', 'all_or_nothing']).default('valid_rows'),
    /** A uuid the client chooses, to follow the import at GET /v1/household-imports/:importId/progress. */
    importId: z.uuid().optional(),
  })
  .strict();
export type HouseholdImportQuery = z.infer<typeof householdImportQuery>;

/** A cell the import refused: the sheet's row (as Excel numbers it), the Chinese column, why (in Chinese). */
export const importRejectedRow = z
  .object({ row: z.number().int().min(1), column: z.string(), message: z.string() })
  .meta({ id: 'ImportRejectedRow' });
export type ImportRejectedRow = z.infer<typeof importRejectedRow>;

export const householdImportResponse = z
  .object({
    /** Households registered by this import. */
    imported: z.number().int().min(0),
    /** Their members. */
    importedPeople: z.number().int().min(0),
    rejected: z.array(importRejectedRow),
    /** People registered before (by an earlier import or anywhere): reported, not registered again. */
    alreadyRegistered: z.array(
      z.object({ row: z.number().int().min(1), idLast4: z.string() }).meta({ id: 'ImportAlreadyRegistered' }),
    ),
    /** Pass as X-Min-Position to read what this import registered. */
    position: positionString,
  })
  .meta({ id: 'HouseholdImportResponse' });
export type HouseholdImportResponse = z.infer<typeof householdImportResponse>;

export const householdImportProgressParams = z.object({ importId: z.uuid() }).strict();

export const householdImportProgressResponse = z
  .object({
    totalRows: z.number().int().min(0),
    processedRows: z.number().int().min(0),
    done: z.boolean(),
  })
  .meta({ id: 'HouseholdImportProgressResponse' });
export type HouseholdImportProgressResponse = z.infer<typeof householdImportProgressResponse>;
