import { createSignal, For, Show } from 'solid-js';
import { checkFiling, receiveFiling, type FilingCheck } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { t } from '../../i18n';

/**
 * Receiving a 届出書: the .xlsx is first checked by the intake (nothing written) and its problems
 * shown row by row with what it would record; only then is it received — replacing the facility's
 * filing of the year when there is one.
 */
export function FilingIntake(props: { onReceived: () => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [check, setCheck] = createSignal<FilingCheck | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [received, setReceived] = createSignal<string | null>(null);
  const choose = async (f: File | null) => {
    setFile(f);
    setCheck(null);
    setReceived(null);
    setError(null);
    if (!f) return;
    try {
      setCheck(await checkFiling(f));
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  const receive = async () => {
    const f = file();
    const c = check();
    if (!f || !c?.ok) return;
    try {
      await receiveFiling(f, c.preview?.replaces ?? null);
      setReceived(t('officer.received', { name: c.preview?.name ?? c.preview?.facilityId ?? f.name }));
      setCheck(null);
      props.onReceived();
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  return (
    <section data-testid="filing-intake">
      <h3>{t('officer.receive')}</h3>
      <p class="hint">{t('officer.receiveHint')}</p>
      <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)} data-testid="filing-file" />
      <Show when={received()}><p class="note" role="status" data-testid="filing-received">{received()}</p></Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <Show when={check()}>
        {(c) => (
          <div data-testid="filing-check" data-ok={c().ok}>
            <Show when={c().preview}>
              {(p) => (
                <p>
                  <strong>{p().name ?? p().facilityId}</strong> · {t('officer.fy', { fy: p().fiscalYear })} · {t('desk.filingTo', { authority: p().authority?.name ?? '—' })} · {t('officer.partnersListed', { n: p().partners.length })}
                  <Show when={p().replaces}> · {t('officer.replaces')}</Show>
                </p>
              )}
            </Show>
            <Show when={c().problems.length > 0} fallback={<p class="muted">{t('officer.noProblems')}</p>}>
              <table class="data-table" data-testid="filing-problems">
                <thead>
                  <tr><th scope="col">{t('officer.sheet')}</th><th scope="col">{t('officer.row')}</th><th scope="col">{t('officer.column')}</th><th scope="col">{t('officer.problem')}</th></tr>
                </thead>
                <tbody>
                  <For each={c().problems}>{(x) => <tr data-level={x.level}><td>{x.sheet ?? ''}</td><td>{x.row ?? ''}</td><td>{x.column ?? x.cell ?? ''}</td><td classList={{ gap: x.level === 'error' }}>{x.level === 'warning' ? `${t('officer.warning')}: ` : ''}{x.message}</td></tr>}</For>
                </tbody>
              </table>
            </Show>
            <button type="button" class="primary" disabled={!c().ok} onClick={() => void receive()} data-testid="filing-accept">{t('officer.accept')}</button>
          </div>
        )}
      </Show>
    </section>
  );
}
