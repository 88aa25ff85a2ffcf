import { Input } from 'antd';
import { useT } from '../../i18n/i18n';
import { fieldKind } from './decision-fields';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** One field a transition requires, typed the way people write it: 元, %, a date, months. */
export function DecisionField({ name, label, value, onChange }: Props) {
  const t = useT();
  const kind = fieldKind(name);
  const suffix =
    kind === 'amount'
      ? t('case.unit.yuan')
      : kind === 'rate'
        ? '%'
        : kind === 'months'
          ? t('case.unit.months')
          : undefined;
  return (
    <Input
      data-field={name}
      aria-label={label}
      addonBefore={label}
      addonAfter={suffix}
      type={kind === 'date' ? 'date' : 'text'}
      inputMode={
        kind === 'amount' || kind === 'rate' ? 'decimal' : kind === 'months' ? 'numeric' : undefined
      }
      placeholder={kind === 'amount' ? '0.00' : kind === 'rate' ? '3.45' : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
