import { Select } from 'antd';
import { useT } from '../../i18n/i18n';
import { yearChoices } from './useShownRegion';

/** The year a statistics screen shows (from 2020 to next year). */
export function YearSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number;
  onChange: (year: number) => void;
}) {
  const t = useT();
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      aria-label={t('dash.year')}
      style={{ width: 110 }}
      options={yearChoices().map((y) => ({ value: y, label: t('dash.yearN', { year: y }) }))}
    />
  );
}
