import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { OrgList } from '../../shared/types';
import { useT } from '../i18n/i18n';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only organisations of this type (e.g. `park` for a park scope). */
  type?: string;
  /** Only organisations within this region. */
  region?: string;
  id?: string;
  allowClear?: boolean;
}

/** Searchable organisation picker over GET /api/orgs (name, partial match). */
export function OrgSelect({ value, onChange, type, region, id, allowClear = true }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      api<OrgList>('/api/orgs', { query: { q: q || undefined, type, region, pageSize: 50 } })
        .then((page) => {
          if (!live) return;
          setOptions(
            page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` })),
          );
        })
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, type, region]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear={allowClear}
      placeholder={t('orgs.selectPlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
    />
  );
}
