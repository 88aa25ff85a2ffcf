import { Breadcrumb } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { isWithin, NATION_CODE } from '../../../../domain/regions/region-code';
import { api } from '../../../shared/api';
import type { RegionPath } from '../../../shared/types';
import { useRequest } from '../../components/useRequest';
import { useT } from '../../i18n/i18n';

interface Props {
  code: string;
  /** The scope root: the trail starts there and never goes above it. */
  root: string;
  /** The address of a region's dashboard. */
  hrefOf?: (code: string) => string;
}

/** 奉节县 / 兴隆镇: the way back up from a drill-down, from the actor's scope down to the region. */
export function RegionTrail({ code, root, hrefOf }: Props) {
  const t = useT();
  const [params] = useSearchParams();
  const path = useRequest(() => api<RegionPath>(`/api/regions/${code}/path`), [code]);
  const qs = params.toString();
  const href = hrefOf ?? ((c: string) => `/stats/dashboard/${c}${qs ? `?${qs}` : ''}`);
  const below = (path.data?.path ?? []).filter((p) => isWithin(p.code, root));
  const items =
    root === NATION_CODE && path.data
      ? [{ code: root, name: t('region.nation') }, ...below]
      : below;
  // At the top of the scope the title already names the region: no trail to show.
  if (items.length < 2) return null;
  return (
    <Breadcrumb
      className="fx-region-trail"
      data-testid="region-trail"
      items={items.map((p, i) => ({
        key: p.code,
        title: i === items.length - 1 ? p.name : <Link to={href(p.code)}>{p.name}</Link>,
      }))}
    />
  );
}
