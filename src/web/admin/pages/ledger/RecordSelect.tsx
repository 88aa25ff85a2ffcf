import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useT } from '../../i18n/i18n';
import type { EntityList, PersonList } from './types';

interface Option {
  value: string;
  label: string;
}

async function search(kind: 'person' | 'entity', q: string, region?: string): Promise<Option[]> {
  const query = { q: q || undefined, region, pageSize: 20 };
  if (kind === 'person') {
    const page = await api<PersonList>('/api/people', { query });
    return page.items.map((p) => ({
      value: p.id,
      label: `${p.name}（${p.idNumberMasked}，${p.ledgerRegionName}）`,
    }));
  }
  const page = await api<EntityList>('/api/entities', { query });
  return page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
}

/** Searchable picker of a person or an entity in the ledger (the list API's Chinese search). */
export function RecordSelect({
  kind,
  value,
  onChange,
  exclude,
  region,
  id,
}: {
  kind: 'person' | 'entity';
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Left out of the options (the record being merged into). */
  exclude?: string;
  region?: string;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      search(kind, q.trim(), region)
        .then((found) => live && setOptions(found.filter((o) => o.value !== exclude)))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [kind, q, exclude, region]);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      loading={loading}
      allowClear
      placeholder={t(kind === 'person' ? 'ledger.pick.person' : 'ledger.pick.entity')}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
    />
  );
}
