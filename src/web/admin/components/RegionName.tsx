import { useEffect, useState } from 'react';
import { regionLabel } from '../layout/RegionScope';
import { getRegion } from './regionCache';

/** The written path of a region (`重庆市 / 奉节县`, or 全国), looked up once per code. */
export function RegionName({ code }: { code: string }) {
  const [name, setName] = useState(code);
  useEffect(() => {
    let live = true;
    getRegion(code).then(
      (r) => live && setName(regionLabel(r)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return <>{name}</>;
}
