import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../../i18n/i18n';

export interface ColumnChoice {
  key: string;
  title: string;
  /** Always shown (the name column, actions). */
  fixed?: boolean;
}

function read(storageKey: string): string[] | null {
  try {
    const raw = localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) && parsed.every((k) => typeof k === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Which columns of a list are hidden, remembered in localStorage under `storageKey`; columns not
 * named in `defaultHidden` start shown.
 */
export function useHiddenColumns(
  storageKey: string,
  defaultHidden: string[],
): [Set<string>, (hidden: string[]) => void] {
  const [hidden, setHidden] = useState<Set<string>>(
    () => new Set(read(storageKey) ?? defaultHidden),
  );
  const update = useCallback(
    (next: string[]) => {
      setHidden(new Set(next));
      try {
        localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Storage unavailable: the choice lasts for this page.
      }
    },
    [storageKey],
  );
  return [hidden, update];
}

/** 列设置: a popover of checkboxes, one per column that may be hidden. */
export function ColumnSettings({
  columns,
  hidden,
  onChange,
  defaultHidden,
}: {
  columns: ColumnChoice[];
  hidden: Set<string>;
  onChange: (hidden: string[]) => void;
  defaultHidden: string[];
}) {
  const t = useT();
  const choosable = columns.filter((c) => !c.fixed);
  const content = (
    <div data-testid="column-settings" style={{ width: 180 }}>
      <Space orientation="vertical" size={4}>
        {choosable.map((c) => (
          <Checkbox
            key={c.key}
            checked={!hidden.has(c.key)}
            onChange={(e) => {
              const next = new Set(hidden);
              if (e.target.checked) next.delete(c.key);
              else next.add(c.key);
              onChange([...next]);
            }}
          >
            {c.title}
          </Checkbox>
        ))}
      </Space>
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Button size="small" type="link" onClick={() => onChange(defaultHidden)}>
          {t('ledger.columns.reset')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('ledger.columns')} content={content}>
      <Button icon={<SettingOutlined />}>{t('ledger.columns')}</Button>
    </Popover>
  );
}
