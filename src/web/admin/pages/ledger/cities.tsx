import { Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { lookupOnce, useLookedUp } from '../../components/lookupOnce';
import { useI18n } from '../../i18n/i18n';
import { provinceName } from './provinces';

/**
 * Prefecture-level cities for the "worked in" field. People work away anywhere in the country,
 * while the console's region tree stops at the official's scope, so the cities come from the
 * public division data the portal reads (GET /api/portal/regions/:code/children).
 */
interface City {
  /** The four-digit code (GB/T 2260 province + city). */
  code: string;
  name: string;
}

interface RegionItem {
  code: string;
  name: string;
}

/** Names the tree gives a municipality's or a province's directly governed units. */
const GENERIC = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const citiesOf = lookupOnce((province: string) =>
  api<{ items: RegionItem[] }>(`/api/portal/regions/${province}0000000000/children`).then((r) =>
    r.items.map((c) => ({ code: c.code.slice(0, 4), name: c.name })),
  ),
);

/** A city's name as officials read it: 北京市（市辖区） for a municipality's generic unit. */
function cityLabel(city: City, en: boolean): string {
  return GENERIC.has(city.name)
    ? `${provinceName(city.code.slice(0, 2), en)}（${city.name}）`
    : city.name;
}

/** Picks a city of `province` (disabled until one is chosen), its four-digit code as the value. */
export function CitySelect({
  province,
  value,
  onChange,
  id,
  placeholder,
}: {
  province?: string | null | undefined;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder: string;
}) {
  const { locale } = useI18n();
  const [cities, setCities] = useState<City[]>([]);
  useEffect(() => {
    let live = true;
    setCities([]);
    if (province) {
      citiesOf(province).then(
        (list) => live && setCities(list),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [province]);
  // A city of another province than the one now chosen is cleared.
  useEffect(() => {
    if (value && province !== undefined && !value.startsWith(province ?? '')) onChange?.(undefined);
  }, [province, value, onChange]);
  return (
    <Select
      id={id}
      allowClear
      disabled={!province}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      showSearch={{ optionFilterProp: 'label' }}
      options={cities.map((c) => ({ value: c.code, label: cityLabel(c, locale === 'en') }))}
    />
  );
}

/** A city's name from its four-digit code; the code itself until (or unless) it is found. */
export function CityName({ code }: { code: string }) {
  const { locale } = useI18n();
  const find = useCallback(
    (province: string) =>
      citiesOf(province).then((list) => list.find((c) => c.code === code) ?? null),
    [code],
  );
  const show = useCallback(
    (c: City | null) => (c ? cityLabel(c, locale === 'en') : code),
    [code, locale],
  );
  return <>{useLookedUp(find, code.slice(0, 2), show, code)}</>;
}
