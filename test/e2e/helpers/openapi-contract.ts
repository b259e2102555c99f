import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

/**
 * The published OpenAPI document as a checker of answers: every response an end-to-end test receives must
 * have a status the operation documents (an error status not listed falls to the operation's `default`, the
 * error body; a success status must be listed) and a body that conforms to that status's schema, compiled
 * with Ajv's JSON Schema 2020-12 build (OpenAPI 3.1's dialect), so a field the document does not name fails.
 */

type JsonObject = Record<string, unknown>;

interface ResponseObject {
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  /** Paths with more literal segments win: `/v1/workers/{id}` does not take `/v1/workers/services`. */
  readonly literals: number;
  readonly responses: Readonly<Record<string, ResponseObject>>;
}

/** One answer as a test saw it. */
export interface ObservedResponse {
  readonly method: string;
  /** The request's path or URL; the query is ignored. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The parsed JSON for a JSON answer, else its text (undefined or '' when empty). */
  readonly body: unknown;
}

const DOCUMENT_ID = 'https://contract.test/openapi.json';
const ERROR_BODY = '#/components/schemas/ErrorBody';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** RFC 3339 date-times and full dates, as zod's `iso` strings emit `format` (their `pattern` says more). */
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i;
const DATE = /^\d{4}-\d\d-\d\d$/;

const pointerSegment = (segment: string): string =>
  encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
const pointerOf = (...segments: string[]): string => `#/${segments.map(pointerSegment).join('/')}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function operationsOf(document: JsonObject): Operation[] {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown>>;
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    const segments = template.split('/');
    const pattern = new RegExp(
      '^' + segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/') + '$',
    );
    const literals = segments.filter((s) => s !== '' && !s.startsWith('{')).length;
    for (const method of HTTP_METHODS) {
      const operation = item[method] as { responses?: Record<string, ResponseObject> } | undefined;
      if (operation)
        operations.push({ method, template, pattern, literals, responses: operation.responses ?? {} });
    }
  }
  return operations.sort((a, b) => b.literals - a.literals);
}

const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
const isJson = (mediaType: string): boolean =>
  mediaType === 'application/json' || mediaType.endsWith('+json');

function matchingMedia(declared: readonly string[], actual: string): string | undefined {
  const [type] = actual.split('/');
  return (
    declared.find((m) => m === actual) ??
    declared.find((m) => m === `${type}/*`) ??
    declared.find((m) => m === '*/*')
  );
}

const isEmpty = (body: unknown): boolean =>
  body === undefined ||
  body === '' ||
  (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '(body)';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown };
  if (params.additionalProperty !== undefined) {
    return `${at} has "${params.additionalProperty}", which the document does not name`;
  }
  const allowed = params.allowedValues === undefined ? '' : ` ${JSON.stringify(params.allowedValues)}`;
  return `${at} ${error.message ?? 'is not valid'}${allowed}`;
}

export class OpenApiContract {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly operations: readonly Operation[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: JsonObject) {
    this.ajv.addFormat('date-time', DATE_TIME);
    this.ajv.addFormat('date', DATE);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
    this.operations = operationsOf(document);
  }

  /** What is wrong with an answer by the document: nothing when it conforms. */
  problems(response: ObservedResponse): string[] {
    const method = response.method.toLowerCase();
    const path = new URL(response.url, 'http://localhost').pathname;
    const where = `${method.toUpperCase()} ${path} → ${response.status}`;
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (!operation) {
      // A route that does not exist answers Nest's 404 in the error body; anything else is undocumented.
      const errors = response.status === 404 ? this.schemaProblems(ERROR_BODY, response.body) : ['not found'];
      return errors.length === 0 ? [] : [`${where}: no such operation in the document`];
    }
    const status = String(response.status);
    const declared = operation.responses[status];
    const key = declared ? status : [`${status[0]}XX`, 'default'].find((k) => operation.responses[k]);
    if (key === undefined) return [`${where}: status not documented for ${operation.template}`];
    if (response.status < 400 && key !== status) {
      return [`${where}: a success status ${operation.template} does not list`];
    }
    if (method === 'head') return [];
    return this.contentProblems(operation, key, response).map((p) => `${where}: ${p}`);
  }

  /** Throws with every problem of the answer, for supertest's `expect(fn)`. */
  assertConforms(response: ObservedResponse): void {
    const problems = this.problems(response);
    if (problems.length > 0) {
      throw new Error(`Not as the OpenAPI document says:\n  ${problems.join('\n  ')}`);
    }
  }

  private contentProblems(operation: Operation, key: string, response: ObservedResponse): string[] {
    const content = operation.responses[key]?.content;
    if (!content) return isEmpty(response.body) ? [] : ['a body the document does not describe'];
    const actual = mediaTypeOf(response.contentType);
    const media = matchingMedia(Object.keys(content), actual);
    if (media === undefined) {
      return [`answered ${actual || 'no content type'}, documented ${Object.keys(content).join(', ')}`];
    }
    if (!isJson(actual) || content[media]?.schema === undefined) return [];
    const pointer = pointerOf(
      'paths',
      operation.template,
      operation.method,
      'responses',
      key,
      'content',
      media,
    );
    return this.schemaProblems(`${pointer}/schema`, response.body);
  }

  private schemaProblems(pointer: string, body: unknown): string[] {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(describeError);
  }
}

const contracts = new Map<string, OpenApiContract>();

/** One checker per distinct document in a test process: the schemas compile once. */
export function contractOf(document: JsonObject): OpenApiContract {
  const key = JSON.stringify(document);
  let contract = contracts.get(key);
  if (!contract) {
    contract = new OpenApiContract(document);
    contracts.set(key, contract);
  }
  return contract;
}
