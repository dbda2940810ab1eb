import { t } from '../../i18n';

/** When the yearly 確認日 of an agreement is next due, overdue, or never recorded. */
export function ConfirmationDue(props: { c: { dueOn: string | null; overdue: boolean } }) {
  return (
    <span classList={{ flag: true, gap: props.c.overdue }} data-testid="confirmation-due">
      {props.c.dueOn ? (props.c.overdue ? t('desk.confirmationOverdue', { date: props.c.dueOn }) : t('desk.confirmationDue', { date: props.c.dueOn })) : t('desk.confirmationUnknown')}
    </span>
  );
}
