import { buildOpenApiDocument } from './openapi-document';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('describes every command and query path', () => {
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(
      [
        '/v1/labour-stations',
        '/v1/workshops',
        '/v1/vacancies',
        '/v1/vacancies/{id}',
        '/v1/vacancies/{id}/withdraw',
        '/v1/vacancies/{id}/candidates',
        '/v1/households',
        '/v1/households/{id}/workers',
        '/v1/households/{id}/employment',
        '/v1/workers/{id}',
        '/v1/workers/{id}/trainings',
        '/v1/workers/{id}/employment-reports',
        '/v1/employment-reports/{employmentId}/end',
        '/v1/workers/{id}/recommendations',
        '/v1/workers/{id}/services',
        '/v1/match-plans',
        '/v1/match-plans/{id}',
        '/v1/placements',
        '/v1/placements/{id}/end',
        '/v1/placements/{id}/follow-ups',
        '/v1/counties/{code}/follow-ups',
        '/v1/placements/{id}/renew-term',
        '/v1/counties/{code}/employment',
        '/v1/counties/{code}/zero-employment-cases',
        '/v1/counties/{code}/household-import-template',
        '/v1/counties/{code}/household-imports',
        '/v1/household-imports/{importId}/progress',
        '/v1/counties/{code}/case-deadlines',
        '/v1/zero-employment-cases/{caseId}',
        '/v1/zero-employment-cases/{caseId}/assign',
        '/v1/zero-employment-cases/{caseId}/verifications',
        '/v1/zero-employment-cases/{caseId}/measures',
        '/v1/prefectures/{code}/employment',
        '/v1/province/employment',
        // The transport subsidy.
        '/v1/counties/{code}/transport-subsidies',
        '/v1/transport-subsidies/{subsidyId}/claims',
        '/v1/transport-subsidies/{subsidyId}/reviews',
        '/v1/transport-subsidies/{subsidyId}/payments',
        '/v1/counties/{code}/transport-subsidy-rates',
        // The reports by relocation site, labour station and workshop.
        '/v1/counties/{code}/reports/sites',
        '/v1/counties/{code}/reports/stations',
        '/v1/counties/{code}/reports/workshops',
        '/v1/labour-stations/{stationId}/report',
      ].sort(),
    );
  });

  it('names the bodies as components with the §6.1 fields and no extra properties', () => {
    const schemas = document.components?.schemas ?? {};
    const vacancy = schemas.PostVacancyBody as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(vacancy.properties)).toEqual(
      expect.arrayContaining([
        'source',
        'title',
        'occupation',
        'location',
        'openings',
        'wage',
        'ageRange',
        'expiresAt',
      ]),
    );
    expect(vacancy.additionalProperties).toBe(false);
    expect(schemas.ErrorBody).toBeDefined();
    expect(schemas.RegisterHouseholdBody).toBeDefined();
  });

  it('answers the error body for any status an operation does not list', () => {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses: object }>)) {
        const responses = operation.responses as Record<string, { content?: Record<string, unknown> }>;
        expect({ operation: `${method} ${path}`, default: responses.default?.content }).toEqual({
          operation: `${method} ${path}`,
          default: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
        });
      }
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
