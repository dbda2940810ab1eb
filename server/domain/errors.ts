/**
 * Typed errors the core throws. The API maps them to its one error shape (server/errors.ts);
 * importers turn them into row problems.
 */
export type DomainErrorCode = 'invalid' | 'not_found' | 'ineligible_requirement' | 'conflict';

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
