import { Select } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { Headline, IndicatorCode } from './types';

interface Props {
  items: Headline[];
  value: IndicatorCode;
  onChange: (code: IndicatorCode) => void;
  id?: string;
}

/** Picks the indicator a chart or ranking shows, by its name. */
export function IndicatorSelect({ items, value, onChange, id }: Props) {
  const { locale } = useI18n();
  return (
    <Select<IndicatorCode>
      id={id}
      size="small"
      value={value}
      onChange={onChange}
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
      options={items.map((h) => ({
        value: h.indicator,
        label: locale === 'en' ? h.nameEn : h.nameZh,
      }))}
    />
  );
}
