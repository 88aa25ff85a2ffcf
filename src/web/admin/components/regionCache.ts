import { api } from '../../shared/api';
import type { Region } from '../../shared/types';
import { lookupOnce } from './lookupOnce';

/** GET /api/regions/:code, once per code for the life of the page. */
export const getRegion = lookupOnce((code) => api<Region>(`/api/regions/${code}`));
