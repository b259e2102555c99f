import { Body, Controller, Get, HttpCode, Post, type StreamableFile } from '@nestjs/common';
import type { z } from 'zod';
import {
  householdImportProgressParams,
  householdImportProgressResponse,
  householdImportQuery,
  householdImportResponse,
  type HouseholdImportQuery,
} from '@contracts';
import { CurrentPrincipal, isCountyOffice, requireScope, Roles, type Principal } from '@lib/auth';
import { ApiDoc, HttpProblem, ZodParams, ZodQuery } from '@lib/http';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { CommandCtx, type CommandContext } from '../command-handling/command-context';
import { XLSX_MEDIA_TYPE } from '../excel/sheet-writer';
import { xlsxFile } from '../excel/list-export';
import { ownCounty, regionCodeParams } from '../monitor/region-codes';
import { HouseholdImportService } from './household-import.service';
import { ImportProgress } from './import-progress';
import { importTemplate } from './import-template';

const TAGS = ['workforce'];
const SCOPE = 'A county office imports households of its own county only';

/** The household ledger (台账) in Excel: the template to fill, the import, and how far an import is. */
@Controller('v1')
@Roles('admin', 'county_office')
export class HouseholdImportController {
  constructor(
    private readonly imports: HouseholdImportService,
    private readonly progress: ImportProgress,
  ) {}

  @Get('counties/:code/household-import-template')
  @ApiDoc({
    summary: 'The .xlsx template of the household ledger for the county (Chinese columns, drop-down lists)',
    description:
      'One row per member; 户编号 groups the rows of a household. Its example row (户编号 示例) is never imported.',
    tags: TAGS,
    responses: { 200: { description: 'The template', contentType: XLSX_MEDIA_TYPE } },
  })
  async template(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const code = ownCounty(params.code, principal, SCOPE);
    return xlsxFile(await importTemplate(code, relocationSitesOf(code)), {
      chinese: `搬迁户导入模板-${code}`,
      ascii: `household-import-template-${code}`,
    });
  }

  @Post('counties/:code/household-imports')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Import households from the .xlsx ledger (the body, at most 50 MB)',
    description:
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet. Every row is validated ' +
      'as POST /v1/households validates a member, with messages in Chinese naming the row and the column. ' +
      'People already registered are reported in `alreadyRegistered`, not registered again. `mode=all_or_nothing`: ' +
      'any bad row is a 400 validation_failed with `details.rejected`, nothing appended; before appending, every ' +
      'household is checked as its registration would be: a member already registered is a 409 ' +
      'person_already_registered with `details.alreadyRegistered` and `details.rejected`, nothing appended. Not ' +
      'strictly atomic: a registration of one of the file’s people racing the import between that check and ' +
      'the append still refuses that household alone (listed in `rejected` of the 200). 400 not_xlsx for a body ' +
      'that is not an .xlsx, 400 empty_sheet for a sheet without rows, 413 above 50 MB, 413 too_many_rows above ' +
      '100,000 rows (nothing appended). Progress with `importId` ' +
      'at GET /v1/household-imports/:importId/progress.',
    tags: TAGS,
    responses: { 200: { description: 'What was imported and what not', schema: householdImportResponse } },
  })
  import(
    @ZodParams(regionCodeParams) params: z.infer<typeof regionCodeParams>,
    @ZodQuery(householdImportQuery) query: HouseholdImportQuery,
    @Body() upload: unknown,
    @CommandCtx() ctx: CommandContext,
  ) {
    return this.imports.import(ownCounty(params.code, ctx.principal, SCOPE), query, upload, ctx);
  }

  @Get('household-imports/:importId/progress')
  @ApiDoc({
    summary: 'How far an import is (kept in the memory of the process running it, 10 minutes after it ends)',
    tags: TAGS,
    responses: {
      200: { description: 'Rows processed of the total', schema: householdImportProgressResponse },
    },
  })
  importProgress(
    @ZodParams(householdImportProgressParams) params: z.infer<typeof householdImportProgressParams>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const progress = this.progress.of(params.importId);
    if (!progress) throw new HttpProblem(404, 'not_found', `No import ${params.importId} in this process`);
    requireScope(isCountyOffice(principal, progress.countyCode), SCOPE);
    return { totalRows: progress.totalRows, processedRows: progress.processedRows, done: progress.done };
  }
}
