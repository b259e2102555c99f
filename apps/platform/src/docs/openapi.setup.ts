import type { INestApplication, Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC, ROLES_KEY, type Role } from '@lib/auth';
import { buildOpenApiDocument as buildContractDocument } from '@contracts/openapi';
import { buildOpenApiDocument, mergeOpenApiDocuments, type RouteAccess } from '@lib/http';
import type { oas31 } from 'zod-openapi';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';

/**
 * The two documents the published one merges: the API contract's (contracts/src/openapi, every §6 route) and the
 * one generated from the routes this app serves, from their `@ApiDoc` and request schemas.
 */
export function openApiDocuments(app: INestApplication): {
  contract: oas31.OpenAPIObject;
  served: oas31.OpenAPIObject;
} {
  const reflector = app.get(Reflector);
  const controllers = app
    .get(DiscoveryService)
    .getControllers()
    .map((wrapper) => wrapper.metatype as Type | null)
    .filter((type): type is Type => typeof type === 'function');
  const access = (handler: object, controller: Type): RouteAccess => {
    const targets = [handler as () => void, controller];
    return {
      public: reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true,
      roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [],
    };
  };
  const served = buildOpenApiDocument(controllers, {
    title: 'Relocated households employment service',
    version: '1',
    description:
      'Generated from the zod schemas of each route. Errors always have the shape { error: { code, message, issues? } }.',
    access,
  });
  return { contract: buildContractDocument(), served };
}

/**
 * Generates the OpenAPI document from the API contract's zod schemas and every controller's routes (which
 * replace the contract's operation for the same path and method), then serves Swagger UI at
 * `/docs` and the JSON at `/docs/openapi.json`. Call before `init()`/`listen()`: the routes must be in
 * place before Nest's 404 handler.
 */
export function setupOpenApi(app: INestApplication): void {
  const { contract, served } = openApiDocuments(app);
  const document = mergeOpenApiDocuments(contract, served);
  // zod-openapi emits OpenAPI 3.1; Swagger UI reads it as is, only the TypeScript types differ.
  SwaggerModule.setup(DOCS_PATH, app, document as unknown as OpenAPIObject, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
  });
}
