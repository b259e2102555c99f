import { Body, Param, PipeTransform, Query } from '@nestjs/common';
import type { z } from 'zod';
import { toErrorIssues } from '@contracts/http/errors';
import { HttpProblem } from '../errors/http-problem';

/** 400 `validation_failed` with every issue (`members.0.idNumber`; an unknown field at its own path). */
export function validationProblem(error: z.ZodError, where: string): HttpProblem {
  return new HttpProblem(400, 'validation_failed', `The request ${where} is not valid`, {
    issues: toErrorIssues(error),
  });
}

/** Parses a value with a zod schema; a failure is a 400 `validation_failed` listing every issue. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly where: 'body' | 'query' | 'path parameters' = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw validationProblem(result.error, this.where);
    return result.data;
  }
}

/** Metadata keys under which the zod schemas of a handler are kept, for the OpenAPI document. */
export const ZOD_BODY = 'http:zod-body';
export const ZOD_QUERY = 'http:zod-query';
export const ZOD_PARAMS = 'http:zod-params';

function withSchemaMetadata(
  key: string,
  schema: z.ZodType,
  decorator: ParameterDecorator,
): ParameterDecorator {
  return (target, propertyKey, index) => {
    decorator(target, propertyKey, index);
    if (propertyKey !== undefined) {
      const handler = (target as Record<PropertyKey, unknown>)[propertyKey];
      if (typeof handler === 'function') Reflect.defineMetadata(key, schema, handler);
    }
  };
}

/** `@ZodBody(schema) body: T`: the validated body, and the schema recorded for the OpenAPI document. */
export const ZodBody = (schema: z.ZodType): ParameterDecorator =>
  withSchemaMetadata(ZOD_BODY, schema, Body(new ZodValidationPipe(schema, 'body')));

/** `@ZodQuery(schema) query: T`: the whole validated query string. */
export const ZodQuery = (schema: z.ZodType): ParameterDecorator =>
  withSchemaMetadata(ZOD_QUERY, schema, Query(new ZodValidationPipe(schema, 'query')));

/** `@ZodParams(schema) params: T`: all validated path parameters. */
export const ZodParams = (schema: z.ZodType): ParameterDecorator =>
  withSchemaMetadata(ZOD_PARAMS, schema, Param(new ZodValidationPipe(schema, 'path parameters')));
