import { DOMAIN_ERROR_CODES } from '../domain/errors';

/**
 * Every `error.code` the API answers with (server/errors.ts and the routes' ApiFailure), besides the
 * domain's own (server/domain/errors.ts). The web app shows a Japanese or English message for each
 * (web/src/i18n, `error.<code>`); test/web/error-messages.test.ts checks the server emits no other.
 */
export const API_ERROR_CODES = [
  'invalid_parameter',
  'bad_request',
  'bad_credentials',
  'unauthenticated',
  'account_disabled',
  'csrf',
  'forbidden',
  'not_found',
  'conflict',
  'last_admin',
  'own_account',
  'payload_too_large',
  'unknown_host',
  'too_many_attempts',
  'http_error',
  'internal',
] as const;

export { DOMAIN_ERROR_CODES };

/** Every error code the server can emit, once each. */
export const ERROR_CODES: readonly ErrorCode[] = [...new Set<ErrorCode>([...API_ERROR_CODES, ...DOMAIN_ERROR_CODES])];
export type ErrorCode = (typeof API_ERROR_CODES)[number] | (typeof DOMAIN_ERROR_CODES)[number];
