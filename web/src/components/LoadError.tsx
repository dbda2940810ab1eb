import { ApiRequestError } from '../api';
import { t } from '../i18n';

/** What a panel shows when its data could not be loaded: not found, bad link, or a failure. */
export function LoadError(props: { error: unknown }) {
  const message = () => {
    const e = props.error;
    if (e instanceof ApiRequestError && e.status === 404) return t('notFound');
    if (e instanceof ApiRequestError && e.status === 400) return `${t('badLink')}: ${e.message}`;
    return t('loadFailed');
  };
  return (
    <p class="error" role="alert" data-testid="load-error">
      {message()}
    </p>
  );
}
