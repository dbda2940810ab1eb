import { createResource, createSignal, For, Show } from 'solid-js';
import { SEARCH_QUERY_MAX } from '../../../server/contracts/limits';
import { normalizeTyped } from '../../../server/domain/typed-text';
import { actionErrorText } from './LoadError';
import { search, type SearchHit } from '../api';
import { t } from '../i18n';

/** The search's answer for the text `q`: its hits, or why there are none. Never a rejection (see below). */
type Outcome = { q: string; hits: SearchHit[]; error: null } | { q: string; hits: []; error: string };

/** At most the server's limit, not cutting a character in two (a surrogate pair). */
function clip(s: string): string {
  if (s.length <= SEARCH_QUERY_MAX) return s;
  const cut = s.slice(0, SEARCH_QUERY_MAX);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * A code typed with full-width digits or another dash (９９１０ー１１０ー１３０) is sent plain
 * (typed-text.ts); other text as typed, since ー is also the long mark of a katakana name.
 */
const asSent = (q: string) => {
  const plain = normalizeTyped(q);
  return /^[0-9A-Za-z\s-]+$/.test(plain) ? plain : q;
};

/**
 * A combobox: type, then ↑/↓ to move through the hits, Enter to open one, Esc to close. Asks the
 * server (GET /api/search) a moment after typing stops, never with more than it reads
 * (SEARCH_QUERY_MAX), and says so once the text reaches it.
 *
 * The fetcher turns a failure into an outcome instead of rejecting: a resource in its error state
 * throws wherever it is read, and a throw inside the list's render would end that render for good,
 * leaving the box dead until a reload. A failed search now shows its reason and the next one runs.
 */
export function SearchBox(props: { kind: 'facility' | 'institution'; onSelect: (hit: SearchHit) => void }) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const [outcome] = createResource(
    () => (query().trim() ? ([query(), props.kind] as const) : null),
    ([q, kind]): Promise<Outcome> => search(asSent(q), kind).then(
      (r) => ({ q, hits: r.hits, error: null }),
      (e: unknown) => ({ q, hits: [], error: actionErrorText(e) }),
    ),
  );
  // Only the answer for the text in the box: an earlier search's list, still shown while the next is
  // asked, would let Enter open a place the text no longer names.
  const current = () => {
    const o = outcome();
    return o && o.q === text() ? o : undefined;
  };
  const hits = () => current()?.hits;
  const atLimit = () => text().length >= SEARCH_QUERY_MAX;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listId = () => `search-${props.kind}`;

  const onInput = (el: HTMLInputElement) => {
    // maxlength stops typing; a paste or a script may still bring more, which is cut here.
    const value = clip(el.value);
    if (value !== el.value) el.value = value;
    setText(value);
    setOpen(true);
    setActive(0);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(value), 150);
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    props.onSelect(hit);
    setOpen(false);
    setText('');
    setQuery('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = hits()?.length ?? 0;
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => (n === 0 ? 0 : (a + 1) % n));
    } else if (e.key === 'ArrowUp') setActive((a) => (n === 0 ? 0 : (a - 1 + n) % n));
    else if (e.key === 'Enter') choose(hits()?.[active()]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <div class="search" data-testid={`search-${props.kind}`}>
      <input
        type="search"
        role="combobox"
        aria-expanded={open() && (hits()?.length ?? 0) > 0}
        aria-controls={listId()}
        aria-activedescendant={open() && hits()?.length ? `${listId()}-${active()}` : undefined}
        aria-label={t(props.kind === 'facility' ? 'searchFacility' : 'searchInstitution')}
        placeholder={t(props.kind === 'facility' ? 'searchFacility' : 'searchInstitution')}
        value={text()}
        maxLength={SEARCH_QUERY_MAX}
        aria-describedby={atLimit() ? `${listId()}-limit` : undefined}
        onInput={(e) => onInput(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => text() && setOpen(true)}
      />
      <Show when={atLimit()}>
        <p class="hint" id={`${listId()}-limit`} role="status" data-testid="search-limit">{t('search.tooLong', { n: SEARCH_QUERY_MAX })}</p>
      </Show>
      <Show when={open() && query().trim() !== '' ? current()?.error : undefined}>
        {(message) => <p class="error small" role="alert" data-testid="search-error">{t('search.failed')}: {message()}</p>}
      </Show>
      <Show when={open() && query().trim() !== '' && !current()?.error ? hits() : undefined}>
        {(list) => (
          <ul class="search-hits" role="listbox" id={listId()}>
            <For each={list()} fallback={<li class="muted">{t('noHits')}</li>}>
              {(hit, i) => (
                <li
                  id={`${listId()}-${i()}`}
                  role="option"
                  aria-selected={i() === active()}
                  classList={{ active: i() === active() }}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(hit);
                  }}
                  onMouseEnter={() => setActive(i())}
                >
                  <span class="name">{hit.name}</span>
                  <span class="muted"> {props.kind === 'facility' ? hit.detail : t(`kind.${hit.detail as 'hospital'}`)} · {hit.id.split('-')[0]}</span>
                  <Show when={hit.address}>{(a) => <div class="muted small">{a()}</div>}</Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </div>
  );
}
