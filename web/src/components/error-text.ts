import { ERROR_CODES, type ErrorCode } from '../../../server/contracts/error-codes';
import { ApiRequestError } from '../api';
import { t } from '../i18n';

const KNOWN = new Set<string>(ERROR_CODES);

/**
 * Codes whose server message names what was wrong (the parameter, field, row or the other change):
 * it is kept after the translated words, as the detail that helps fix the input.
 */
const WITH_DETAIL = new Set<ErrorCode>(['invalid_parameter', 'bad_request', 'invalid', 'ineligible_requirement', 'conflict', 'payload_too_large']);

/** The message of a server error code in the current language (an unknown code gets a general one). */
export const errorCodeText = (code: string | null): string => (code !== null && KNOWN.has(code) ? t(`error.${code as ErrorCode}`) : t('error.unknown'));

/** What to show for a failed API call: the code's words in the current language, plus the server's detail where it helps. */
export function apiErrorText(e: unknown): string {
  if (!(e instanceof ApiRequestError)) return t('loadFailed');
  const message = errorCodeText(e.code);
  const known = e.code !== null && KNOWN.has(e.code);
  const detail = !known || WITH_DETAIL.has(e.code as ErrorCode) ? e.message : null;
  return detail ? t('error.detail', { message, detail }) : message;
}
