import { Tag } from 'antd';
import { type MessageKey, useT } from '../../i18n/i18n';
import type { DeadlineStatus } from './types';

const COLOR: Record<DeadlineStatus, string> = {
  none: 'default',
  ok: 'green',
  near: 'gold',
  overdue: 'red',
};

/** A step's standing against its time limit: 正常 / 临近超时 / 超时 with the working days left. */
export function DeadlineTag({
  status,
  daysLeft,
}: {
  status: DeadlineStatus;
  daysLeft: number | null;
}) {
  const t = useT();
  let text = t(`case.deadline.${status}` as MessageKey);
  if (daysLeft !== null && status !== 'none') {
    if (daysLeft > 0) text = `${text} · ${t('case.left', { days: daysLeft })}`;
    else if (daysLeft === 0 && status !== 'overdue') text = `${text} · ${t('case.leftToday')}`;
    else if (daysLeft < 0) text = `${text} · ${t('case.late', { days: -daysLeft })}`;
  }
  return <Tag color={COLOR[status]}>{text}</Tag>;
}
