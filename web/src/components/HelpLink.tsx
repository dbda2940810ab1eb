import type { GlossaryId } from '../i18n/glossary-ids';
import { t } from '../i18n';
import { useAppStore } from '../state/store';

/** A small “?” beside a term that opens its glossary entry on the help page. */
export function HelpLink(props: { term: GlossaryId }) {
  const { update } = useAppStore();
  return (
    <a
      class="help-link"
      href={`?view=help&term=${props.term}`}
      aria-label={t('help.about')}
      title={t('help.about')}
      data-testid={`help-${props.term}`}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        e.stopPropagation();
        update({ view: 'help', term: props.term });
      }}
    >
      ?
    </a>
  );
}
