import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { OrgList } from '../../../shared/types';
import { useT } from '../../i18n/i18n';

/** Searchable picker of a park (园区) over GET /api/orgs?type=park, within a region if given. */
export function ParkSelect({
  value,
  onChange,
  region,
  style,
  id,
}: {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  region?: string;
  style?: CSSProperties;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      api<OrgList>('/api/orgs', {
        query: { q: q || undefined, type: 'park', region, pageSize: 50 },
      })
        .then((page) => live && setOptions(page.items.map((o) => ({ value: o.id, label: o.name }))))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q, region]);

  return (
    <Select
      id={id}
      style={style}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      options={options}
      loading={loading}
      allowClear
      placeholder={t('ledger.filter.park')}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
    />
  );
}
