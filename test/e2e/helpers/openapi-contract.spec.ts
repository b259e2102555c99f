import { Controller, Get } from '@nestjs/common';
import { buildOpenApiDocument as buildContractDocument } from '@contracts/openapi';
import { ApiDoc, buildOpenApiDocument, mergeOpenApiDocuments } from '@lib/http';
import { OpenApiContract } from './openapi-contract';

@Controller()
class PageController {
  @Get('page')
  @ApiDoc({ summary: 'A page', responses: { 200: { description: 'HTML', contentType: 'text/html' } } })
  page(): void {}

  @Get('empty')
  @ApiDoc({ summary: 'Nothing', responses: { 200: { description: 'No body' } } })
  empty(): void {}
}

const document = mergeOpenApiDocuments(
  buildContractDocument(),
  buildOpenApiDocument([PageController], { title: 'test', version: '1' }),
) as unknown as Record<string, unknown>;
const contract = new OpenApiContract(document);

const HOUSEHOLD = '/v1/households/h-1/employment';
const household = {
  householdId: 'h-1',
  countyCode: '520402',
  status: 'zero_employment',
  labourCapableMembers: 1,
  employedMembers: 0,
  channels: [],
  openCase: { openedAt: '2026-03-01T08:00:00.000Z' },
  lastStatusChangeAt: '2026-03-01T08:00:00.000Z',
  members: [{ workerId: 'h-1.1', labourCapacity: 'full', employment: null }],
  position: '12',
};
const json = 'application/json; charset=utf-8';
const answer = (status: number, body: unknown, url = HOUSEHOLD, method = 'GET') => ({
  method,
  url: `${url}?x=1`,
  status,
  contentType: json,
  body,
});
const notFound = { error: { code: 'not_found', message: 'No such household' } };

describe('the OpenAPI contract check of the end-to-end suites', () => {
  it('passes an answer as documented', () => {
    expect(contract.problems(answer(200, household))).toEqual([]);
    expect(contract.problems(answer(404, notFound))).toEqual([]);
  });

  it('fails a field the document does not name, naming it', () => {
    const problems = contract.problems(answer(200, { ...household, internalNotes: 'x' }));
    expect(problems).toEqual([
      `GET ${HOUSEHOLD} → 200: (body) has "internalNotes", which the document does not name`,
    ]);
    const nested = { ...household, members: [{ ...household.members[0], name: '张三' }] };
    expect(contract.problems(answer(200, nested))).toEqual([
      `GET ${HOUSEHOLD} → 200: /members/0 has "name", which the document does not name`,
    ]);
  });

  it('fails a body that does not conform: a wrong value, a missing field, a malformed date', () => {
    const { position: _position, ...withoutPosition } = household;
    const broken = { ...withoutPosition, status: 'employed', lastStatusChangeAt: 'yesterday' };
    const problems = contract.problems(answer(200, broken));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(body\) must have required property 'position'/),
        expect.stringMatching(/\/status must be equal to one of the allowed values/),
        expect.stringMatching(/\/lastStatusChangeAt must match/),
      ]),
    );
  });

  it('fails a success status the operation does not list, whatever its body', () => {
    expect(contract.problems(answer(201, household))).toEqual([
      `GET ${HOUSEHOLD} → 201: a success status /v1/households/{id}/employment does not list`,
    ]);
  });

  it('takes an error status not listed as the default response: the error body, and only it', () => {
    const conflict = { error: { code: 'conflict', message: 'No' } };
    expect(contract.problems(answer(409, conflict))).toEqual([]);
    expect(contract.problems(answer(409, { message: 'No' }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET .* → 409: \(body\) has "message"/)]),
    );
    const withExtra = { error: { ...conflict.error, stack: 'at …' } };
    expect(contract.problems(answer(500, withExtra))).toEqual([
      `GET ${HOUSEHOLD} → 500: /error has "stack", which the document does not name`,
    ]);
  });

  it('fails an operation the document does not have, unless it is the error body of a 404', () => {
    expect(contract.problems(answer(404, notFound, '/v1/nowhere'))).toEqual([]);
    expect(contract.problems(answer(200, {}, '/v1/nowhere'))).toEqual([
      'GET /v1/nowhere → 200: no such operation in the document',
    ]);
    expect(contract.problems(answer(200, household, HOUSEHOLD, 'DELETE'))).toHaveLength(1);
  });

  it('checks the media type of an answer that is not JSON, and a body where none is documented', () => {
    const page = { method: 'GET', url: '/page', status: 200, contentType: 'text/html', body: '<html>' };
    expect(contract.problems(page)).toEqual([]);
    expect(contract.problems({ ...page, contentType: json, body: {} })).toEqual([
      'GET /page → 200: answered application/json, documented text/html',
    ]);
    const empty = { method: 'GET', url: '/empty', status: 200, contentType: undefined, body: '' };
    expect(contract.problems(empty)).toEqual([]);
    expect(contract.problems({ ...empty, contentType: json, body: { ok: true } })).toEqual([
      'GET /empty → 200: a body the document does not describe',
    ]);
  });

  it('throws every problem for supertest', () => {
    expect(() => contract.assertConforms(answer(200, { ...household, extra: 1 }))).toThrow(
      /Not as the OpenAPI document says:\n {2}GET .* "extra"/,
    );
  });
});
