import { ApiRequestError } from '../api';
import { t } from '../i18n';
import { apiErrorText } from './error-text';

/** The words for "sign in first" (401) or "not for this account" (403); null for any other error. */
export function accessMessage(e: unknown): string | null {
  if (e instanceof ApiRequestError && e.status === 401) return t('access.needSignIn');
  if (e instanceof ApiRequestError && e.status === 403) return t('access.forbidden');
  return null;
}

/** What a form says when an action failed: not signed in or not allowed, else the server's error code in words (with its detail). */
export const actionErrorText = (e: unknown): string => accessMessage(e) ?? apiErrorText(e);

/** What a panel shows when its data could not be loaded: not found, bad link, not signed in or not allowed, or a failure. */
export function LoadError(props: { error: unknown }) {
  const message = () => {
    const e = props.error;
    if (e instanceof ApiRequestError && e.status === 404) return t('notFound');
    if (e instanceof ApiRequestError && e.status === 400) return `${t('badLink')}: ${apiErrorText(e)}`;
    return accessMessage(e) ?? (e instanceof ApiRequestError && e.status >= 500 ? apiErrorText(e) : t('loadFailed'));
  };
  return (
    <p class="error" role="alert" data-testid="load-error">
      {message()}
    </p>
  );
}
