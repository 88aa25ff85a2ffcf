import type { Dayjs } from 'dayjs';
import { type QueryValue, withQuery } from '../../../shared/api';
import type { RegionChoice } from '../../layout/RegionScope';
import type { LedgerKind } from './types';

/** A yes/no filter: empty for either. */
export type Flag = '' | 'true' | 'false';

/** The export form's values. */
export interface ExportValues {
  kind: LedgerKind;
  region?: RegionChoice | null;
  q?: string;
  category?: string[];
  status?: string[];
  education?: string[];
  returned?: [Dayjs | null, Dayjs | null] | null;
  type?: string[];
  industry?: string;
  isWorkshop?: Flag;
  aboveScale?: Flag;
  isEcommerce?: Flag;
  founded?: [Dayjs | null, Dayjs | null] | null;
  unmask?: boolean;
  reason?: string;
}

const list = (v: string[] | undefined): string | undefined => (v?.length ? v.join(',') : undefined);
const day = (d: Dayjs | null | undefined): string | undefined => d?.format('YYYY-MM-DD');

/**
 * The export's URL with the list filters the API takes (the same names as GET /api/people and
 * /api/entities), masked unless unmasking was asked for with a reason.
 *
 * @example
 * exportUrl({ kind: 'people', status: ['returned'] }) // '/api/ledger/exports/people.xlsx?status=returned'
 */
export function exportUrl(v: ExportValues): string {
  const query: Record<string, QueryValue> = { region: v.region?.code, q: v.q?.trim() };
  if (v.kind === 'people') {
    Object.assign(query, {
      category: list(v.category),
      status: list(v.status),
      education: list(v.education),
      returnedFrom: day(v.returned?.[0]),
      returnedTo: day(v.returned?.[1]),
    });
  } else {
    Object.assign(query, {
      type: list(v.type),
      industry: v.industry,
      isWorkshop: v.isWorkshop,
      aboveScale: v.aboveScale,
      isEcommerce: v.isEcommerce,
      foundedFrom: day(v.founded?.[0]),
      foundedTo: day(v.founded?.[1]),
    });
  }
  if (v.unmask) Object.assign(query, { unmask: 1, reason: v.reason?.trim() });
  return withQuery(`/api/ledger/exports/${v.kind}.xlsx`, query);
}
