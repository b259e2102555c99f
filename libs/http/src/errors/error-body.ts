import { errorBody, type ErrorBody as ContractErrorBody } from '@contracts/http/errors';

/** The body of every error response, for clients and the OpenAPI document: the contract's one schema. */
export const ErrorBodySchema = errorBody;

export type ErrorBody = ContractErrorBody;
