import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../i18n';
import { user } from '../state/session';
import { FacilityDesk } from './desk/FacilityDesk';
import { InstitutionDesk } from './desk/InstitutionDesk';
import { AccountsPage } from './officer/AccountsPage';
import { OfficerDesk } from './officer/OfficerDesk';

/**
 * The landing page after sign-in (マイページ): the desk of the facility or institution the account
 * acts for — with a choice when it acts for several (a 事業所番号 with more than one service) — or,
 * for an officer and an administrator, the authority's desk and the accounts they manage.
 */
export function DeskView() {
  const places = createMemo(() => user()?.places ?? []);
  const [chosen, setChosen] = createSignal(0);
  const place = () => places()[Math.min(chosen(), places().length - 1)];
  return (
    <div class="desk-page" data-testid="desk">
      <Show when={user()?.role === 'municipality' || user()?.role === 'admin'}>
        <OfficerDesk />
        <AccountsPage />
      </Show>
      <Show when={places().length > 0} fallback={<Show when={user()?.role !== 'municipality' && user()?.role !== 'admin'}><p class="intro">{user() ? t('desk.noPlaces') : t('desk.signInFirst')}</p></Show>}>
        <Show when={places().length > 1}>
          <p class="controls-row">
            <label>
              {t('desk.choosePlace')}{' '}
              <select value={chosen()} onChange={(e) => setChosen(Number(e.currentTarget.value))} data-testid="desk-place">
                <For each={places()}>{(p, k) => <option value={k()}>{p.name}</option>}</For>
              </select>
            </label>
          </p>
        </Show>
        <Show when={place()} keyed>
          {(p) => (
            <Switch>
              <Match when={p.kind === 'facility'}><FacilityDesk id={p.id} /></Match>
              <Match when={p.kind === 'institution'}><InstitutionDesk code={p.id} /></Match>
            </Switch>
          )}
        </Show>
      </Show>
    </div>
  );
}
