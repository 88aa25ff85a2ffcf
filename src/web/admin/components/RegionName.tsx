import { regionLabel } from '../layout/RegionScope';
import { useLookedUp } from './lookupOnce';
import { getRegion } from './regionCache';

/** The written path of a region (`重庆市 / 奉节县`, or 全国), looked up once per code. */
export function RegionName({ code }: { code: string }) {
  return <>{useLookedUp(getRegion, code, regionLabel, code)}</>;
}
