import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { z } from 'zod';
import {
  createDocument,
  type ZodObjectInput,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
  type oas31,
} from 'zod-openapi';
import { ErrorBodySchema } from '../errors/error-body';
import { ZOD_BODY, ZOD_PARAMS, ZOD_QUERY } from '../validation/zod-validation.pipe';
import { API_DOC, type ApiDocOptions, type ApiResponseDoc } from './api-doc.decorator';

/** Who may call a handler, as the auth layer declares it (kept out of this library to avoid a cycle). */
export interface RouteAccess {
  readonly public: boolean;
  readonly roles: readonly string[];
}

export interface OpenApiDocumentOptions {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly access?: (handler: object, controller: Type) => RouteAccess;
}

type HttpVerb = 'get' | 'post' | 'put' | 'patch' | 'delete';
const VERBS: Partial<Record<RequestMethod, HttpVerb>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

/** A declared response: JSON with its schema, another media type, the error body for an error, or nothing. */
function declaredResponse(status: string, response: ApiResponseDoc) {
  const { description, schema, contentType, alsoContentType } = response;
  const also = alsoContentType ? { [alsoContentType]: {} } : {};
  if (schema) return { description, content: { [contentType ?? 'application/json']: { schema }, ...also } };
  if (contentType) return { description, content: { [contentType]: {} } };
  return Number(status) >= 400 ? errorResponse(description) : { description };
}

interface RouteShape {
  readonly verb: HttpVerb;
  readonly hasInput: boolean;
  readonly hasPathParams: boolean;
  readonly access: RouteAccess;
}

/**
 * The errors a route may answer without declaring them, each with the error body: 400 for a route with input,
 * 401/403 behind a token, 404 for a route naming a resource, 409 for a command (the state refuses it, or a
 * concurrent write won), 422 where an Idempotency-Key is honoured (POST, PATCH), 429 everywhere; and `default`
 * for any other status (413, 415, 500, 503 not_ready while a read waits for X-Min-Position, …): the error body.
 */
function implicitErrors({ verb, hasInput, hasPathParams, access }: RouteShape): ZodOpenApiResponsesObject {
  const command = verb !== 'get' && !access.public;
  return {
    ...(hasInput
      ? { '400': errorResponse('The request is not valid (validation_failed, malformed_json)') }
      : {}),
    ...(access.public
      ? {}
      : {
          '401': errorResponse('No valid bearer token'),
          '403': errorResponse('The token does not allow this'),
        }),
    ...(hasPathParams ? { '404': errorResponse('Not found') } : {}),
    ...(command
      ? { '409': errorResponse('Refused by the current state (the code says why), or a concurrent write') }
      : {}),
    ...(command && (verb === 'post' || verb === 'patch')
      ? { '422': errorResponse('Idempotency-Key reused with a different request') }
      : {}),
    '429': errorResponse('Too many requests (Retry-After)'),
    default: errorResponse('Any other error (413, 415, 500, 503 not_ready, …): the same error body'),
  };
}

/** `/v1/vacancies/:id` → `/v1/vacancies/{id}` */
export const toOpenApiPath = (...segments: string[]): string =>
  '/' +
  segments
    .map((s) => s.replace(/^\/+|\/+$/g, ''))
    .filter((s) => s.length > 0)
    .join('/')
    .replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const pathParamNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');

const firstPath = (value: unknown): string =>
  Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');

function operationFor(
  handler: object,
  verb: HttpVerb,
  path: string,
  doc: ApiDocOptions | undefined,
  access: RouteAccess,
): ZodOpenApiOperationObject {
  const body = Reflect.getMetadata(ZOD_BODY, handler) as z.ZodType | undefined;
  const query = Reflect.getMetadata(ZOD_QUERY, handler) as ZodObjectInput | undefined;
  const declaredParams = Reflect.getMetadata(ZOD_PARAMS, handler) as ZodObjectInput | undefined;
  const names = pathParamNames(path);
  const params =
    declaredParams ??
    (names.length ? z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) : undefined);

  const declared: ZodOpenApiResponsesObject = {};
  for (const [status, response] of Object.entries(doc?.responses ?? { 200: { description: 'OK' } })) {
    declared[status as `2${string}`] = declaredResponse(status, response);
  }
  const shape = { verb, hasInput: Boolean(body || query || params), hasPathParams: names.length > 0, access };
  // The declared responses come first and win over the implicit errors.
  const responses: ZodOpenApiResponsesObject = { ...declared, ...implicitErrors(shape), ...declared };

  const roles = access.roles.length ? `Roles: ${access.roles.join(', ')}.` : '';
  const description = [doc?.description, roles].filter(Boolean).join('\n\n');
  return {
    summary: doc?.summary,
    ...(description ? { description } : {}),
    ...(doc?.tags ? { tags: [...doc.tags] } : {}),
    ...(access.public ? { security: [] } : {}),
    ...(params || query
      ? { requestParams: { ...(params ? { path: params } : {}), ...(query ? { query } : {}) } }
      : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the given controllers, generated from their routes and zod schemas. */
export function buildOpenApiDocument(
  controllers: readonly Type[],
  options: OpenApiDocumentOptions,
): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  const access = options.access ?? (() => ({ public: false, roles: [] }));
  for (const controller of controllers) {
    const base = firstPath(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = name === 'constructor' ? undefined : prototype[name];
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const verb = method === undefined ? undefined : VERBS[method];
      if (!verb) continue;
      const path = toOpenApiPath(base, firstPath(Reflect.getMetadata(PATH_METADATA, handler)));
      const doc = Reflect.getMetadata(API_DOC, handler) as ApiDocOptions | undefined;
      paths[path] = {
        ...paths[path],
        [verb]: operationFor(handler, verb, path, doc, access(handler, controller)),
      };
    }
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  });
}

/**
 * One document from the API contract (every §6 route, from contracts/) and the routes this process
 * actually serves: a served route's operation replaces the contract's (it knows its roles); component
 * schemas of both are kept.
 */
export function mergeOpenApiDocuments(
  contract: oas31.OpenAPIObject,
  served: oas31.OpenAPIObject,
): oas31.OpenAPIObject {
  const paths: oas31.PathsObject = { ...contract.paths };
  for (const [path, item] of Object.entries(served.paths ?? {})) paths[path] = { ...paths[path], ...item };
  return {
    ...contract,
    paths,
    components: {
      ...contract.components,
      ...served.components,
      schemas: { ...contract.components?.schemas, ...served.components?.schemas },
      securitySchemes: { ...contract.components?.securitySchemes, ...served.components?.securitySchemes },
    },
  };
}
