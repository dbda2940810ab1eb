/**
 * Typed errors the core throws. The API maps them to its one error shape (server/errors.ts);
 * importers turn them into row problems.
 */
/** Every code a DomainError can carry (the web app has a message for each: web/src/i18n). */
export const DOMAIN_ERROR_CODES = ['invalid', 'not_found', 'ineligible_requirement', 'conflict'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The parameter, field or column the error is about. */
    readonly field?: string,
  ) {
    super(message);
  }
}
