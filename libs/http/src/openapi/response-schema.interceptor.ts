import {
  Inject,
  Injectable,
  Logger,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import { HttpProblem } from '../errors/http-problem';
import type { HttpRequest, HttpResponse } from '../http-types';
import { API_DOC, type ApiDocOptions } from './api-doc.decorator';
import { undeclaredKeys } from './undeclared-keys';

/**
 * What happens to a field an answer has and its documented schema does not name: `refuse` answers 500 naming it
 * (development and tests: drift fails loudly, in the test that caused it); `strip` drops it and logs a warning
 * (anywhere else: a client never sees it, and a forgotten schema change does not turn a success into an error).
 */
export type UndeclaredFields = 'refuse' | 'strip';

export const UNDECLARED_FIELDS = 'http:undeclared-fields';

/**
 * `refuse` in development and tests, `strip` everywhere else: `npm start` runs with NODE_ENV unset and serves
 * real county offices, so it is treated as production (as the secrets are).
 */
export const undeclaredFieldsFor = (nodeEnv: string | undefined): UndeclaredFields =>
  nodeEnv === 'development' || nodeEnv === 'test' ? 'refuse' : 'strip';

type DeclaredSchemas = ReadonlyMap<number, z.ZodType>;

const isJsonValue = (body: unknown): boolean =>
  body !== undefined &&
  !Buffer.isBuffer(body) &&
  !(body instanceof StreamableFile) &&
  typeof (body as { pipe?: unknown })?.pipe !== 'function';

/**
 * Sends every 2xx JSON answer through the schema its route declares for that status in `@ApiDoc` (the schema
 * the OpenAPI document is generated from), so the document and the answers cannot drift apart: the parsed value
 * is what goes out. A field the schema does not name is refused or stripped (see UndeclaredFields); an answer
 * that breaks its schema otherwise (a missing field, a wrong type), or a JSON answer to a status its route
 * declares no schema for, is a 500 in every mode: never an unchecked body. Registered before the idempotency
 * interceptor, it sees replayed answers too. Errors (the exception filter's) and handlers that write their own
 * response (`@Res()`: streams, static files) do not pass through here.
 */
@Injectable()
export class ResponseSchemaInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseSchema');
  private readonly schemas = new WeakMap<object, DeclaredSchemas>();
  /** Each route's stripped fields are logged once, not at every request. */
  private readonly warned = new Set<string>();

  constructor(@Inject(UNDECLARED_FIELDS) private readonly undeclared: UndeclaredFields) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const declared = this.declaredFor(context.getHandler());
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((body: unknown) => {
        const res = http.getResponse<HttpResponse>();
        const status = res.statusCode;
        if (res.headersSent || status < 200 || status >= 300 || !isJsonValue(body)) return body;
        return this.serialise(body, declared.get(status), status, http.getRequest<HttpRequest>());
      }),
    );
  }

  private serialise(body: unknown, schema: z.ZodType | undefined, status: number, req: HttpRequest): unknown {
    const route = `${req.method ?? ''} ${(req as { route?: { path?: string } }).route?.path ?? req.path ?? ''}`;
    if (!schema) return this.fail(`${route} answered ${status}, for which its @ApiDoc declares no schema`);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`).join('; ');
      return this.fail(`${route} answered ${status} against its documented schema: ${issues}`);
    }
    const extra = undeclaredKeys(body, parsed.data);
    if (extra.length > 0) {
      const message = `${route} answered fields its documented schema does not name: ${extra.join(', ')}`;
      if (this.undeclared === 'refuse') return this.fail(message);
      if (!this.warned.has(message)) {
        this.warned.add(message);
        this.logger.warn(`${message} (stripped)`);
      }
    }
    return parsed.data;
  }

  /** Outside production the reason is the answer (the test that hit it says why); in production it is logged. */
  private fail(reason: string): never {
    if (this.undeclared === 'refuse') {
      throw new HttpProblem(500, 'internal_error', `The answer is not as documented: ${reason}`);
    }
    throw new Error(`The answer is not as documented: ${reason}`);
  }

  /** The schemas a handler declares, by status; read once per handler. */
  private declaredFor(handler: object): DeclaredSchemas {
    let declared = this.schemas.get(handler);
    if (!declared) {
      const doc = Reflect.getMetadata(API_DOC, handler) as ApiDocOptions | undefined;
      declared = new Map(
        Object.entries(doc?.responses ?? {}).flatMap(([status, response]) =>
          response.schema ? [[Number(status), response.schema] as const] : [],
        ),
      );
      this.schemas.set(handler, declared);
    }
    return declared;
  }
}
