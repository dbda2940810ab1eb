import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { fetchCandidates, fetchFacility, type Candidate, type CandidatesResponse, type FacilityDetail } from '../api';
import { KindBadge, RequirementChips, StatusBadge } from '../components/badges';
import { fmt1, fmtInt, fmtSigned } from '../components/format';
import { lang, t } from '../i18n';
import { LoadError } from '../components/LoadError';
import { requirementSymbols } from '../../../server/domain/requirements';
import { TRANSITION_ENDS } from '../../../server/domain/facility-types';

const MINUTE_CHOICES = [15, 30, 45, 60, 90];

export interface FacilityPanelProps {
  id: string;
  onHoverCandidate: (c: Candidate | null, from: [number, number] | null) => void;
  onSelectInstitution: (code: string) => void;
  onSelectFacility: (id: string) => void;
}

/** The facility card: its rule, partners and coverage, and the ranked candidates. Loads its own data. */
export function FacilityPanel(props: FacilityPanelProps) {
  const [maxMinutes, setMaxMinutes] = createSignal(30);
  const [detail] = createResource(() => props.id, fetchFacility);
  const [candidates] = createResource(() => [props.id, maxMinutes()] as const, ([id, m]) => fetchCandidates(id, m));

  return (
    <Show when={!detail.error} fallback={<LoadError error={detail.error} />}>
    <Show when={detail()} fallback={<p class="muted">{t('loading')}</p>}>
      {(f) => (
        <article class="card" data-testid="facility-panel">
          <header>
            <p class="eyebrow">{t('facility')} · {lang() === 'ja' ? f().type.shortJa : f().type.nameEn}</p>
            <h2 data-testid="panel-title">{f().name}</h2>
            <p class="muted">{f().type.serviceName}</p>
            <Show when={f().withdrawnOn}>{(d) => <p class="flag">{t('withdrawn', { date: d() })}</p>}</Show>
          </header>
          <FacilityFacts f={f()} onSelectFacility={props.onSelectFacility} />
          <RuleBlock f={f()} />
          <PartnersBlock f={f()} />
          <section>
            <h3>{t('candidates')}</h3>
            <label class="inline">
              <select value={maxMinutes()} onChange={(e) => setMaxMinutes(Number(e.currentTarget.value))} data-testid="max-minutes">
                <For each={MINUTE_CHOICES}>{(m) => <option value={m}>{t('withinMinutes', { n: m })}</option>}</For>
              </select>
            </label>
            <Show when={!candidates.error} fallback={<LoadError error={candidates.error} />}>
              <Show when={candidates()} fallback={<p class="muted">{t('loading')}</p>}>
                {(c) => <CandidateList data={c()} onHover={props.onHoverCandidate} onSelect={props.onSelectInstitution} />}
              </Show>
            </Show>
          </section>
        </article>
      )}
    </Show>
    </Show>
  );
}

function FacilityFacts(props: { f: FacilityDetail; onSelectFacility: (id: string) => void }) {
  return (
    <dl class="facts">
      <dt>{t('careOfficeNumber')}</dt>
      <dd>{props.f.careOfficeNumber}（{t('serviceCode')} {props.f.serviceCode}）</dd>
      <dt>{t('address')}</dt>
      <dd>{props.f.address ?? '—'}</dd>
      <Show when={props.f.authority}>
        {(a) => (
          <>
            <dt>{t('authority')}</dt>
            <dd>{a().name}</dd>
          </>
        )}
      </Show>
      <dt>{t('phone')}</dt>
      <dd>{props.f.phone ?? '—'}</dd>
      <dt>{t('capacity')}</dt>
      <dd>{props.f.capacity ?? t('unknownValue')}</dd>
      <dt>{t('operator')}</dt>
      <dd>{props.f.operatorName ?? '—'}</dd>
      <dt>{t('position')}</dt>
      <dd>
        {t(`facilityPrecision.${props.f.precision}`)}
        <Show when={props.f.positionFlag}>{(flag) => <span class="flag"> {t(`positionFlag.${flag()}`)}</span>}</Show>
      </dd>
      <Show when={props.f.coLocated.length > 0}>
        <dt>{t('coLocated')}</dt>
        <dd data-testid="co-located">
          <For each={props.f.coLocated}>
            {(c) => (
              <button type="button" class="link" onClick={() => props.onSelectFacility(c.id)}>
                {c.name}（{c.typeJa}・{c.serviceCode}）
              </button>
            )}
          </For>
        </dd>
      </Show>
    </dl>
  );
}

function RuleBlock(props: { f: FacilityDetail }) {
  const days = () => props.f.type.daysUntilBinding;
  return (
    <section class="rule">
      <h3>{t('requiredSet')}</h3>
      <p>
        <RequirementChips solid={props.f.type.required} only />
        <span class="level-badge" data-level={props.f.type.level}>{t(`level.${props.f.type.level}`)}</span>
      </p>
      <Show when={props.f.type.bindingFrom} fallback={<p class="muted">{t('bestEffortNote')}</p>}>
        {(date) => (
          <p data-testid="deadline">
            {t('bindingFrom', { date: date(), end: TRANSITION_ENDS })}
            <Show when={days() !== null}>
              {' '}<strong>{days()! >= 0 ? t('daysLeft', { n: fmtInt(days()!) }) : t('daysPassed', { n: fmtInt(-days()!) })}</strong>
            </Show>
          </p>
        )}
      </Show>
      <h3>{t('coverage')}</h3>
      <p data-testid="coverage">
        <StatusBadge status={props.f.coverage.status} />{' '}
        {t('met')} {requirementSymbols(props.f.coverage.met)} ／ {t('missing')} <strong>{requirementSymbols(props.f.coverage.missing)}</strong>
      </p>
    </section>
  );
}

function PartnersBlock(props: { f: FacilityDetail }) {
  return (
    <section>
      <h3>{t('partners')}</h3>
      <Switch>
        <Match when={props.f.partners.length > 0}>
          <ul class="rows">
            <For each={props.f.partners}>
              {(p) => (
                <li classList={{ ended: !p.active }}>
                  <div class="row-main">
                    <span class="name">{p.institution.name}</span> <KindBadge kind={p.institution.kind} />
                    <Show when={!p.active}> <span class="muted">（{t('ended')} {p.endedOn}）</span></Show>
                  </div>
                  <div class="row-sub">
                    <RequirementChips solid={p.covers} only />
                    <span class="muted"> {t('agreedOn')} {p.agreedOn ?? '—'} · {t('confirmedOn')} {p.confirmedOn ?? '—'}</span>
                    <Show when={p.specialRelationship}> <span class="flag">{t('specialRelationship')}</span></Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Match>
        <Match when={props.f.partnersReportedOn}>{(d) => <p class="muted">{t('reportedNone', { date: d() })}</p>}</Match>
        <Match when={true}>
          <p class="muted">{t('partnersUnknown')}</p>
        </Match>
      </Switch>
    </section>
  );
}

function CandidateList(props: { data: CandidatesResponse; onHover: FacilityPanelProps['onHoverCandidate']; onSelect: (code: string) => void }) {
  const d = () => props.data;
  return (
    <Switch>
      <Match when={d().reason === 'no_position'}>
        <p class="muted">{t('noPosition')}</p>
      </Match>
      <Match when={d().reason === 'nothing_missing'}>
        <p class="muted">{t('nothingMissing')}</p>
      </Match>
      <Match when={d().candidates.length === 0}>
        <p class="muted" data-testid="no-candidates">{t('noCandidates', { minutes: d().maxMinutes })}</p>
      </Match>
      <Match when={true}>
        <p class="muted">
          {t('candidatesFor', { missing: requirementSymbols(d().missing), minutes: d().maxMinutes })} · {t('inRange', { n: d().totalInRange })}
          <Show when={d().excluded.notAccepting + d().excluded.atCapacity > 0}> · {t('excludedNote', { a: d().excluded.notAccepting, b: d().excluded.atCapacity })}</Show>
        </p>
        <p class="hint">{t('hoverHint')}</p>
        <ol class="rows candidates" data-testid="candidates" onMouseLeave={() => props.onHover(null, null)}>
          <For each={d().candidates}>
            {(c, i) => (
              <li
                tabIndex={0}
                data-testid="candidate"
                data-code={c.code}
                data-score={c.score.total}
                onMouseEnter={() => props.onHover(c, d().position)}
                onFocus={() => props.onHover(c, d().position)}
                onClick={() => props.onSelect(c.code)}
                onKeyDown={(e) => e.key === 'Enter' && props.onSelect(c.code)}
              >
                <div class="row-main">
                  <span class="rank">{i() + 1}</span>
                  <span class="name">{c.institution.name}</span> <KindBadge kind={c.institution.kind} />
                  <Show when={c.currentPartner}> <span class="flag">{t('currentPartner')}</span></Show>
                </div>
                <div class="row-sub">
                  <span data-testid="distance">{t('distance', { km: fmt1(c.distanceKm) })}</span> ·{' '}
                  <span data-testid="minutes">{t('minutes', { n: fmt1(c.minutes) })}</span> ·{' '}
                  <RequirementChips solid={c.covers.offered} outline={c.covers.eligibleOnly} only titleOutline={t('eligibleOnly')} />
                </div>
                <div class="row-sub score" data-testid="score-parts">
                  {t('score')} <strong>{c.score.total.toFixed(2)}</strong> ＝ {t('part.coverage')} {fmtSigned(c.score.parts.coverage)} · {t('part.travel')} {fmtSigned(c.score.parts.travel)}
                  <Show when={c.score.parts.load !== 0}> · {t('part.load')} {fmtSigned(c.score.parts.load)}</Show>
                  <Show when={c.score.parts.willingness !== 0}> · {t('part.willingness')} {fmtSigned(c.score.parts.willingness)}</Show>
                </div>
              </li>
            )}
          </For>
        </ol>
      </Match>
    </Switch>
  );
}
