import { createResource, createSignal, For, Show } from 'solid-js';
import { search, type SearchHit } from '../api';
import { t } from '../i18n';

/**
 * A combobox: type, then ↑/↓ to move through the hits, Enter to open one, Esc to close. Asks the
 * server (GET /api/search) a moment after typing stops.
 */
export function SearchBox(props: { kind: 'facility' | 'institution'; onSelect: (hit: SearchHit) => void }) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const [hits] = createResource(
    () => (query().trim() ? ([query(), props.kind] as const) : null),
    ([q, kind]) => search(q, kind).then((r) => r.hits),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listId = () => `search-${props.kind}`;

  const onInput = (value: string) => {
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
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => text() && setOpen(true)}
      />
      <Show when={open() && query().trim() !== '' ? hits() : undefined}>
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
