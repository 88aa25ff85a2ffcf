import { Tag } from 'antd';
import { useCodeName } from './names';

const COLORS: Record<string, string> = {
  abroad: 'default',
  intending: 'gold',
  returned: 'blue',
  started: 'green',
};

/** A person's status (在外人才 → 意向返乡 → 已返乡 → 已创业) as a coloured tag. */
export function StatusTag({ status }: { status: string }) {
  const codeName = useCodeName();
  return <Tag color={COLORS[status] ?? 'default'}>{codeName('status', status)}</Tag>;
}
