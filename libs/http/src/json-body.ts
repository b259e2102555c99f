import type { ServerResponse } from 'node:http';
import { HttpProblem } from './errors/http-problem';
import type { HttpRequest, NextFunction } from './http-types';

export const DEFAULT_BODY_LIMIT = '256kb';

interface BodyParserError {
  readonly type?: unknown;
  readonly message?: unknown;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string';

/** Maps body-parser's failures to our error codes. */
export function bodyParserProblem(error: BodyParserError): HttpProblem {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, 'malformed_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new HttpProblem(413, 'payload_too_large', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, 'unsupported_media_type', 'The request body encoding is not supported');
    default:
      return new HttpProblem(400, 'bad_request', 'The request body could not be read');
  }
}

/**
 * Express error middleware placed right after the body parser: turns its errors into HttpProblems,
 * because Nest would otherwise map a JSON syntax error to a bare 400 and lose which failure it was.
 */
export function bodyParserErrorMapper(
  error: unknown,
  _req: HttpRequest,
  _res: ServerResponse,
  next: NextFunction,
): void {
  next(isBodyParserError(error) ? bodyParserProblem(error) : error);
}
