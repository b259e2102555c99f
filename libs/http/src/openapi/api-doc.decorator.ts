import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export interface ApiResponseDoc {
  readonly description: string;
  /**
   * The response body's schema. A JSON success answer is parsed with it before it is sent (see
   * ResponseSchemaInterceptor), so what it does not name never reaches a client. Absent for an empty body, for a
   * body that is not JSON (give `contentType`) and for an error status (which answers the error body).
   */
  readonly schema?: z.ZodType;
  /** The media type when the body is not JSON: `text/html`, `text/event-stream`, a range for static files. */
  readonly contentType?: string;
  /** Another media type the same status may answer instead (e.g. a list's .xlsx under `?format=xlsx`). */
  readonly alsoContentType?: string;
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
 * Documents a route in the OpenAPI document and declares the schema its answers are sent through. The path
 * and method come from Nest's own decorators, the request schemas from `@ZodBody`/`@ZodQuery`/`@ZodParams`,
 * so nothing is written twice.
 */
export const ApiDoc = (options: ApiDocOptions): MethodDecorator => SetMetadata(API_DOC, options);
