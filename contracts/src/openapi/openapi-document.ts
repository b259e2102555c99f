import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import {
  candidatesResponse,
  countyEmploymentResponse,
  householdCreatedResponse,
  householdEmploymentResponse,
  matchPlanResponse,
  placementCreatedResponse,
  positionResponse,
  prefectureEmploymentResponse,
  provinceEmploymentResponse,
  recommendationsResponse,
  stationCreatedResponse,
  vacancyCreatedResponse,
  vacancyListResponse,
  workerAddedResponse,
  trainingRecordedResponse,
  employmentReportedResponse,
  workshopCreatedResponse,
} from '../http/responses';
import {
  assignCaseBody,
  caseDeadlinesBody,
  caseDeadlinesResponse,
  caseRecordedResponse,
  recordMeasureBody,
  recordServiceBody,
  recordVerificationBody,
  zeroEmploymentCaseResponse,
  zeroEmploymentCasesQuery,
  zeroEmploymentCasesResponse,
} from '../http/cases.bodies';
import { errorBody } from '../http/errors';
import {
  reportQuery,
  siteReportResponse,
  stationOwnReportResponse,
  stationReportQuery,
  stationReportResponse,
  workshopReportResponse,
} from '../http/reports';
import { followUpsQuery, followUpsResponse, recordFollowUpBody } from '../http/follow-ups.bodies';
import {
  householdImportProgressParams,
  householdImportProgressResponse,
  householdImportQuery,
  householdImportResponse,
} from '../http/household-import.bodies';
import { renewWelfareTermBody, welfareTermRenewedResponse } from '../http/welfare-terms.bodies';
import { endPlacementBody, matchPlanBody, placeWorkerBody, rankingQuery } from '../http/matching.bodies';
import {
  certifyWorkshopBody,
  changeVacancyBody,
  listVacanciesQuery,
  postVacancyBody,
  registerLabourStationBody,
  withdrawVacancyBody,
} from '../http/postings.bodies';
import {
  addWorkerBody,
  endEmploymentBody,
  recordTrainingBody,
  registerHouseholdBody,
  reportEmploymentBody,
  updateWorkerBody,
} from '../http/workforce.bodies';
// The transport subsidy.
import {
  claimSubsidyBody,
  paySubsidyBody,
  reviewSubsidyBody,
  subsidyParams,
  subsidyRatesBody,
  subsidyRatesResponse,
  subsidyRecordedResponse,
  transportSubsidiesQuery,
  transportSubsidiesResponse,
} from '../http/subsidies.bodies';
import { caseId, employmentId, entityId, guizhouPrefectureCode, regionCode, workerId } from '../values';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A list that answers `?format=xlsx` with its whole content as a sheet, besides its JSON page. */
function withSheet(operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  const ok = operation.responses?.['200'] as { description: string; content: Record<string, object> };
  const sheet = { ...ok, content: { ...ok.content, [XLSX]: {} } };
  return { ...operation, responses: { ...operation.responses, '200': sheet } };
}
const error = (description: string) => ({ description, ...json(errorBody) });
const COMMON_ERRORS = {
  '400': error('Invalid body, query or JSON; nothing was appended'),
  '401': error('No token or a bad one'),
  '403': error('A valid token outside its scope'),
  default: error('Any other error (413, 415, 429, 500, 503, …): the same error body'),
};
const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().meta({
    description: 'The same key with the same body appends once and answers the same; with another body: 422',
  }),
});
const minPositionHeader = z.object({
  'x-min-position': z.string().regex(/^\d+$/).optional().meta({
    description: 'Answer only once the projection has reached this position (else 503 with Retry-After)',
  }),
});

function command(
  summary: string,
  body: z.ZodType,
  status: '200' | '201',
  response: z.ZodType,
  extra: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  return {
    summary,
    requestBody: { required: true, ...json(body) },
    ...extra,
    requestParams: { header: idempotencyHeader, ...extra.requestParams },
    responses: {
      [status]: {
        description: 'Done; `position` is the global position of the last event',
        ...json(response),
      },
      ...COMMON_ERRORS,
      '409': error('Refused by the current state, or a concurrent write'),
      '422': error('Idempotency-Key reused with a different body'),
      ...extra.responses,
    },
  };
}

function query(summary: string, response: z.ZodType, extra: Partial<ZodOpenApiOperationObject> = {}) {
  return {
    summary,
    ...extra,
    requestParams: { header: minPositionHeader, ...extra.requestParams },
    responses: {
      '200': { description: 'OK', ...json(response) },
      ...COMMON_ERRORS,
      '404': error('Not found'),
      '503': error('Projection not caught up with X-Min-Position within 5 s'),
    },
  } satisfies ZodOpenApiOperationObject;
}

const byId = { path: z.object({ id: entityId }) };
const byWorker = { path: z.object({ id: workerId }) };
const byCounty = { path: z.object({ code: regionCode }) };
const byCase = { path: z.object({ caseId }) };

const paths: ZodOpenApiPathsObject = {
  '/v1/labour-stations': {
    post: command(
      'Register a labour station (admin)',
      registerLabourStationBody,
      '201',
      stationCreatedResponse,
    ),
  },
  '/v1/workshops': {
    post: command(
      'Certify a workshop (admin, county office)',
      certifyWorkshopBody,
      '201',
      workshopCreatedResponse,
    ),
  },
  '/v1/vacancies': {
    post: command('Post a vacancy', postVacancyBody, '201', vacancyCreatedResponse),
    get: withSheet(
      query('List vacancies, paged', vacancyListResponse, {
        requestParams: { query: listVacanciesQuery },
      }),
    ),
  },
  '/v1/vacancies/{id}': {
    patch: command(
      'Change openings or extend expiry (its poster)',
      changeVacancyBody,
      '200',
      positionResponse,
      {
        requestParams: byId,
      },
    ),
  },
  '/v1/vacancies/{id}/withdraw': {
    post: command('Withdraw a vacancy (its poster)', withdrawVacancyBody, '200', positionResponse, {
      requestParams: byId,
    }),
  },
  '/v1/vacancies/{id}/candidates': {
    get: query('Ranked workers, zero-employment households first', candidatesResponse, {
      requestParams: { ...byId, query: rankingQuery },
    }),
  },
  '/v1/households': {
    post: command(
      'Register a household with its members (409 person_already_registered: one household per person)',
      registerHouseholdBody,
      '201',
      householdCreatedResponse,
    ),
  },
  '/v1/households/{id}/workers': {
    post: command(
      'Add a worker to a household (409 person_already_registered)',
      addWorkerBody,
      '201',
      workerAddedResponse,
      {
        requestParams: byId,
      },
    ),
  },
  '/v1/households/{id}/employment': {
    get: query("The household's employment projection", householdEmploymentResponse, { requestParams: byId }),
  },
  '/v1/workers/{id}': {
    patch: command('Update skills, preference, capacity or wage', updateWorkerBody, '200', positionResponse, {
      requestParams: byWorker,
    }),
  },
  '/v1/workers/{id}/trainings': {
    post: command('Record a completed training', recordTrainingBody, '201', trainingRecordedResponse, {
      requestParams: byWorker,
    }),
  },
  '/v1/workers/{id}/employment-reports': {
    post: command(
      'Employment found outside the platform',
      reportEmploymentBody,
      '201',
      employmentReportedResponse,
      {
        requestParams: byWorker,
      },
    ),
  },
  '/v1/employment-reports/{employmentId}/end': {
    post: command(
      'End a reported employment (409 not_employed once it ended otherwise)',
      endEmploymentBody,
      '200',
      positionResponse,
      { requestParams: { path: z.object({ employmentId }) } },
    ),
  },
  '/v1/workers/{id}/recommendations': {
    get: query('Ranked vacancies with reasons', recommendationsResponse, {
      requestParams: { ...byWorker, query: rankingQuery },
    }),
  },
  '/v1/match-plans': {
    post: command(
      'The plan covering the most households (and the greedy plan)',
      matchPlanBody,
      '201',
      matchPlanResponse,
    ),
  },
  '/v1/match-plans/{id}': {
    get: query('A match plan proposed earlier, by its id', matchPlanResponse, { requestParams: byId }),
  },
  '/v1/placements': {
    post: command(
      'Place a worker (409 vacancy_full / worker_already_employed)',
      placeWorkerBody,
      '201',
      placementCreatedResponse,
    ),
  },
  '/v1/placements/{id}/end': {
    post: command('End a placement', endPlacementBody, '200', positionResponse, { requestParams: byId }),
  },
  '/v1/placements/{id}/follow-ups': {
    post: command(
      'Record a job-retention follow-up: still employed, left, or changed job',
      recordFollowUpBody,
      '201',
      positionResponse,
      { requestParams: byId },
    ),
  },
  '/v1/counties/{code}/follow-ups': {
    get: withSheet(
      query('Placements owing their 1, 3 or 6-month follow-up, due ones first', followUpsResponse, {
        requestParams: { ...byCounty, query: followUpsQuery },
      }),
    ),
  },
  '/v1/placements/{id}/renew-term': {
    post: command(
      'Renew a public-welfare post’s term before it ends (409 when not an active welfare placement or ended)',
      renewWelfareTermBody,
      '200',
      welfareTermRenewedResponse,
      { requestParams: byId },
    ),
  },
  '/v1/counties/{code}/employment': {
    get: query('County employment figures', countyEmploymentResponse, { requestParams: byCounty }),
  },
  '/v1/counties/{code}/zero-employment-cases': {
    get: withSheet(
      query(
        'Zero-employment cases, most urgent first, with colour, assignee and deadlines',
        zeroEmploymentCasesResponse,
        {
          requestParams: { ...byCounty, query: zeroEmploymentCasesQuery },
        },
      ),
    ),
  },
  '/v1/counties/{code}/household-import-template': {
    get: {
      summary:
        'The county’s household ledger template (.xlsx: Chinese columns, drop-down lists, instructions)',
      requestParams: byCounty,
      responses: { '200': { description: 'The template', content: { [XLSX]: {} } }, ...COMMON_ERRORS },
    },
  },
  '/v1/counties/{code}/household-imports': {
    post: {
      summary:
        'Import households from the .xlsx ledger (at most 50 MB); people already registered are reported',
      requestParams: { ...byCounty, query: householdImportQuery },
      requestBody: { required: true, content: { [XLSX]: {} } },
      responses: {
        '200': { description: 'What was imported and what not', ...json(householdImportResponse) },
        ...COMMON_ERRORS,
        '413': error('Above 50 MB'),
      },
    },
  },
  '/v1/household-imports/{importId}/progress': {
    get: query('How far an import is (rows processed of the total)', householdImportProgressResponse, {
      requestParams: { path: householdImportProgressParams },
    }),
  },
  '/v1/counties/{code}/case-deadlines': {
    get: query('The county’s response deadlines', caseDeadlinesResponse, { requestParams: byCounty }),
    put: command('Set the county’s response deadlines', caseDeadlinesBody, '200', caseRecordedResponse, {
      requestParams: byCounty,
    }),
  },
  '/v1/workers/{id}/services': {
    post: command(
      'Record a "131" service delivered to a job-seeker',
      recordServiceBody,
      '201',
      caseRecordedResponse,
      {
        requestParams: byWorker,
      },
    ),
  },
  '/v1/zero-employment-cases/{caseId}': {
    get: query('A case with its timeline and household', zeroEmploymentCaseResponse, {
      requestParams: byCase,
    }),
  },
  '/v1/zero-employment-cases/{caseId}/assign': {
    post: command('Assign the case to a responsible cadre', assignCaseBody, '200', caseRecordedResponse, {
      requestParams: byCase,
    }),
  },
  '/v1/zero-employment-cases/{caseId}/verifications': {
    post: command('Record a check on the ground', recordVerificationBody, '201', caseRecordedResponse, {
      requestParams: byCase,
    }),
  },
  '/v1/zero-employment-cases/{caseId}/measures': {
    post: command('Record an assistance measure', recordMeasureBody, '201', caseRecordedResponse, {
      requestParams: byCase,
    }),
  },
  '/v1/prefectures/{code}/employment': {
    get: query('Prefecture roll-up', prefectureEmploymentResponse, {
      requestParams: { path: z.object({ code: guizhouPrefectureCode }) },
    }),
  },
  '/v1/province/employment': { get: query('Province roll-up', provinceEmploymentResponse) },
  // The transport subsidy (跨省务工一次性交通补贴): ledger, claim, review, payment, rates.
  '/v1/counties/{code}/transport-subsidies': {
    get: withSheet(
      query(
        'The county’s transport-subsidy ledger: each subsidy’s status and amounts, with totals',
        transportSubsidiesResponse,
        {
          requestParams: { ...byCounty, query: transportSubsidiesQuery },
        },
      ),
    ),
  },
  '/v1/transport-subsidies/{subsidyId}/claims': {
    post: command(
      'Claim a worker’s transport subsidy (409 already_claimed)',
      claimSubsidyBody,
      '201',
      subsidyRecordedResponse,
      {
        requestParams: { path: subsidyParams },
      },
    ),
  },
  '/v1/transport-subsidies/{subsidyId}/reviews': {
    post: command(
      'Approve or reject a claim (a rejection gives its reason)',
      reviewSubsidyBody,
      '201',
      subsidyRecordedResponse,
      {
        requestParams: { path: subsidyParams },
      },
    ),
  },
  '/v1/transport-subsidies/{subsidyId}/payments': {
    post: command(
      'Record the payment of an approved subsidy (409 not_approved, already_paid, amount_mismatch)',
      paySubsidyBody,
      '201',
      subsidyRecordedResponse,
      {
        requestParams: { path: subsidyParams },
      },
    ),
  },
  '/v1/counties/{code}/transport-subsidy-rates': {
    get: query('The county’s transport-subsidy amounts by destination province', subsidyRatesResponse, {
      requestParams: byCounty,
    }),
    put: command(
      'Set the county’s transport-subsidy amounts by destination province',
      subsidyRatesBody,
      '200',
      positionResponse,
      {
        requestParams: byCounty,
      },
    ),
  },
  // The reports a county answers upward with: by relocation site, labour station and workshop.
  '/v1/counties/{code}/reports/sites': {
    get: withSheet(
      query(
        'The county’s figures by relocation site; the rows sum to the county figures',
        siteReportResponse,
        {
          requestParams: { ...byCounty, query: reportQuery },
        },
      ),
    ),
  },
  '/v1/counties/{code}/reports/stations': {
    get: withSheet(
      query(
        'Placements of the county’s households by labour station, with retention at 3 and 6 months',
        stationReportResponse,
        {
          requestParams: { ...byCounty, query: stationReportQuery },
        },
      ),
    ),
  },
  '/v1/counties/{code}/reports/workshops': {
    get: withSheet(
      query(
        'The county’s workshops: people employed now (吸纳), placements made and ended',
        workshopReportResponse,
        {
          requestParams: { ...byCounty, query: reportQuery },
        },
      ),
    ),
  },
  '/v1/labour-stations/{stationId}/report': {
    get: withSheet(
      query('A labour station’s own report across counties', stationOwnReportResponse, {
        requestParams: { path: z.object({ stationId: entityId }), query: stationReportQuery },
      }),
    ),
  },
};

/** The OpenAPI 3.1 document of the v1 API, generated from the same zod schemas the controllers parse with. */
export function buildOpenApiDocument(version = '1.0.0') {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Guizhou relocated-household employment service',
      version,
      description:
        'Event-sourced labour-export and employment matching. Positions are decimal strings. Every JSON answer ' +
        'is sent through the schema documented for its status: it has no field the schema does not name. ' +
        'Errors have the shape { error: { code, message, issues?, details? } }, for the statuses an operation ' +
        'lists and, as its `default` response, for any other (413, 415, 500, 503 not_ready, …).',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  });
}
