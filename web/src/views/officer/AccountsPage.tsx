import { createResource, createSignal, For, Show } from 'solid-js';
import { createAccount, disableAccount, enableAccount, fetchAccounts, resetPassword, updateAccount, type Account } from '../../api';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { fmtDateTimeJst } from '../../components/format';
import { t } from '../../i18n';
import { typedCode } from '../../../../server/domain/typed-text';
import { user } from '../../state/session';

const ROLES = ['facility', 'institution', 'municipality', 'admin'] as const;
/** Codes as typed: full-width digits and any dash allowed (typed-text.ts), split on commas (、，) or spaces. */
const scopeOf = (raw: string) => raw.split(/[,、，\s\u3000]+/).map(typedCode).filter(Boolean);

/**
 * Accounts, for an administrator (all) or an officer (those of its area): create one (its password
 * is shown once), change its role and scope, disable and enable it, reset its password.
 */
export function AccountsPage() {
  const [accounts, { refetch }] = createResource(fetchAccounts);
  const [login, setLogin] = createSignal('');
  const [role, setRole] = createSignal<(typeof ROLES)[number]>('facility');
  const [scope, setScope] = createSignal('');
  const [shown, setShown] = createSignal<{ login: string; password: string } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const isAdmin = () => user()?.role === 'admin';
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      void refetch();
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  const create = (e: SubmitEvent) => {
    e.preventDefault();
    setShown(null);
    const input = { login: login().trim(), role: role(), scope: role() === 'admin' ? [] : scopeOf(scope()) };
    void act(async () => {
      const made = await createAccount(input);
      setShown({ login: made.account.login, password: made.password });
      setLogin('');
      setScope('');
    });
  };
  const reset = (a: Account) => void act(async () => setShown({ login: a.login, password: (await resetPassword(a.login)).password }));
  return (
    <section class="accounts" data-testid="accounts-page">
      <h3>{t('accounts.title')}</h3>
      <form class="inline-form" onSubmit={create} data-testid="account-form">
        <label>{t('accounts.login')} <input type="text" required maxLength={40} value={login()} onInput={(e) => setLogin(e.currentTarget.value)} data-testid="account-login" /></label>
        <label>{t('accounts.role')}{' '}
          <select value={role()} onChange={(e) => setRole(e.currentTarget.value as (typeof ROLES)[number])} data-testid="account-role">
            <For each={ROLES.filter((r) => r !== 'admin' || isAdmin())}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </label>
        <Show when={role() !== 'admin'}>
          <label>{t('accounts.scope')} <input type="text" maxLength={500} value={scope()} onInput={(e) => setScope(e.currentTarget.value)} placeholder={t(`accounts.scopeHint.${role() as 'facility' | 'institution' | 'municipality'}`)} data-testid="account-scope" /></label>
        </Show>
        <button type="submit" data-testid="account-create">{t('accounts.create')}</button>
      </form>
      <Show when={shown()}>
        {(s) => (
          <p class="note" role="status" data-testid="account-password">
            {t('accounts.passwordOnce', { login: s().login })} <code data-testid="account-password-value">{s().password}</code>
          </p>
        )}
      </Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <Show when={!accounts.error} fallback={<LoadError error={accounts.error} />}>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('accounts.title')}>
          <table class="data-table" data-testid="accounts-table">
            <thead>
              <tr><th scope="col">{t('accounts.login')}</th><th scope="col">{t('accounts.role')}</th><th scope="col">{t('accounts.scope')}</th><th scope="col">{t('accounts.lastSignIn')}</th><th scope="col">{t('accounts.state')}</th><th scope="col" /></tr>
            </thead>
            <tbody>
              <For each={accounts.latest?.accounts ?? []}>
                {(a) => (
                  <tr data-login={a.login} data-disabled={a.disabled}>
                    <th scope="row">{a.login}</th>
                    <td>{t(`role.${a.role}`)}</td>
                    <td>{a.scopeNames.join(t('listComma')) || '—'}</td>
                    <td>{a.lastSignInAt ? fmtDateTimeJst(a.lastSignInAt) : '—'}</td>
                    <td>{a.disabled ? t('accounts.disabled') : t('accounts.enabled')}</td>
                    <td class="nowrap">
                      <Show when={a.login !== user()?.login}>
                        <Show when={a.disabled} fallback={<button type="button" onClick={() => void act(() => disableAccount(a.login))} data-testid={`disable-${a.login}`}>{t('accounts.disable')}</button>}>
                          <button type="button" onClick={() => void act(() => enableAccount(a.login))} data-testid={`enable-${a.login}`}>{t('accounts.enable')}</button>
                        </Show>{' '}
                        <button type="button" onClick={() => reset(a)} data-testid={`reset-${a.login}`}>{t('accounts.reset')}</button>{' '}
                        <ScopeEdit a={a} onSave={(s) => void act(() => updateAccount(a.login, { scope: s }))} />
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

/** Reassigning an account's organisation (its scope), in place. */
function ScopeEdit(props: { a: Account; onSave: (scope: string[]) => void }) {
  const [open, setOpen] = createSignal(false);
  const [raw, setRaw] = createSignal('');
  return (
    <Show when={props.a.role !== 'admin'}>
      <Show when={open()} fallback={<button type="button" onClick={() => { setRaw(props.a.scope.join(',')); setOpen(true); }}>{t('accounts.changeScope')}</button>}>
        <input type="text" maxLength={500} value={raw()} onInput={(e) => setRaw(e.currentTarget.value)} aria-label={t('accounts.scope')} />
        <button type="button" onClick={() => { props.onSave(scopeOf(raw())); setOpen(false); }}>{t('form.save')}</button>
      </Show>
    </Show>
  );
}
