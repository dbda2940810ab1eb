import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { ApiRequestError, type SessionUser } from '../api';
import { t } from '../i18n';
import { apiErrorText } from './error-text';
import { signIn, signOut, user } from '../state/session';

/**
 * The header's account control: "ログイン" opens a small form (Enter submits, Escape or a click
 * elsewhere closes it); once signed in, who and in which role, and "ログアウト".
 */
export function AccountControl(props: { onSignedIn?: (u: SessionUser) => void }) {
  const [open, setOpen] = createSignal(false);
  let root!: HTMLDivElement;
  let toggle: HTMLButtonElement | undefined;
  let signOutButton: HTMLButtonElement | undefined;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle?.focus();
  };
  const onDocClick = (e: MouseEvent) => {
    if (open() && !root.contains(e.target as Node)) close(false);
  };
  onMount(() => document.addEventListener('mousedown', onDocClick));
  onCleanup(() => document.removeEventListener('mousedown', onDocClick));

  return (
    <div class="account" ref={root} data-testid="account">
      <Show
        when={user()}
        fallback={
          <>
            <button type="button" class="account-toggle" ref={toggle} aria-expanded={open()} aria-controls="sign-in-form" onClick={() => setOpen((o) => !o)} data-testid="sign-in">
              {t('auth.signIn')}
            </button>
            <Show when={open()}>
              <SignInForm onDone={(u) => { setOpen(false); props.onSignedIn?.(u); queueMicrotask(() => signOutButton?.focus()); }} onCancel={() => close(true)} />
            </Show>
          </>
        }
      >
        {(u) => (
          <>
            <span class="who" data-testid="signed-in-as" title={t('auth.signedInAs', { login: u().login, role: t(`role.${u().role}`) })}>
              <span class="login">{u().login}</span> <span class="role-label">{t(`role.${u().role}`)}</span>
            </span>
            <button type="button" class="account-toggle" ref={signOutButton} onClick={() => void signOut()} data-testid="sign-out">
              {t('auth.signOut')}
            </button>
          </>
        )}
      </Show>
    </div>
  );
}

/** What went wrong, in words: wrong credentials, too many attempts (with the wait), or a failure. */
function signInError(e: unknown): string {
  if (e instanceof ApiRequestError && e.status === 401) return t('auth.badCredentials');
  if (e instanceof ApiRequestError && e.code === 'account_disabled') return t('auth.disabled');
  if (e instanceof ApiRequestError && e.status === 429) return t('auth.tooMany', { minutes: Math.max(1, Math.ceil((e.retryAfter ?? 60) / 60)) });
  if (e instanceof ApiRequestError && e.status === 400) return `${t('auth.failed')}: ${apiErrorText(e)}`;
  if (e instanceof ApiRequestError) return apiErrorText(e);
  return t('auth.failed');
}

function SignInForm(props: { onDone: (u: SessionUser) => void; onCancel: () => void }) {
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let first!: HTMLInputElement;
  onMount(() => first.focus());

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      props.onDone(await signIn(name().trim(), password()));
    } catch (err) {
      setError(signInError(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      id="sign-in-form"
      class="sign-in-form"
      aria-label={t('auth.formLabel')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      data-testid="sign-in-form"
    >
      <label>
        {t('auth.login')}
        <input ref={first} type="text" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} required maxLength={40} value={name()} onInput={(e) => setName(e.currentTarget.value)} data-testid="sign-in-login" />
      </label>
      <label>
        {t('auth.password')}
        <input type="password" name="password" autocomplete="current-password" required maxLength={200} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={error() !== null} data-testid="sign-in-password" />
      </label>
      <Show when={error()}>{(m) => <p class="error" role="alert" data-testid="sign-in-error">{m()}</p>}</Show>
      <p class="actions">
        <button type="submit" disabled={busy()} data-testid="sign-in-submit">{busy() ? t('auth.busy') : t('auth.submit')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{t('auth.close')}</button>
      </p>
    </form>
  );
}
