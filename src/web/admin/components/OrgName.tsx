import { api } from '../../shared/api';
import type { Org } from '../../shared/types';
import { lookupOnce, useLookedUp } from './lookupOnce';

const getOrg = lookupOnce((id) => api<Org>(`/api/orgs/${id}`));
const orgName = (o: Org) => o.name;

/**
 * An organisation's (a park's) name, looked up once per id; `fallback` while it loads or when
 * the viewer may not read it.
 */
export function OrgName({ id, fallback }: { id: string; fallback: string }) {
  return <>{useLookedUp(getOrg, id, orgName, fallback)}</>;
}
