import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export interface ApiResponseDoc {
  readonly description: string;
  /** The response body's schema; absent for an empty body. */
  readonly schema?: z.ZodType;
}

export interface ApiDocOptions {
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** Success (and any specific error) responses by status; the common errors are added for every route. */
  readonly responses: Readonly<Record<number, ApiResponseDoc>>;
}

export const API_DOC = 'http:api-doc';

/**
 * Documents a route in the OpenAPI document. The path and method come from Nest's own decorators, the
 * request schemas from `@ZodBody`/`@ZodQuery`/`@ZodParams`, so nothing is written twice.
 */
export const ApiDoc = (options: ApiDocOptions): MethodDecorator => SetMetadata(API_DOC, options);
