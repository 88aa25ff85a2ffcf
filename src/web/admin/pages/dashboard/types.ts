/**
 * Response types of the statistics API, inferred from the server's zod contracts. Type-only
 * imports: no zod and no server code reach the bundle.
 */
import type { z } from 'zod';
import type {
  ChildRanking,
  ChildRankingItem,
  Dashboard,
  HeadlineItem,
} from '@server/statistics/dashboards/contract.js';
import type {
  ChildTargetView,
  TargetSheet,
  TargetView,
} from '@server/statistics/targets/contract.js';

export type DashboardData = z.infer<typeof Dashboard>;
export type Headline = z.infer<typeof HeadlineItem>;
export type Breakdown = DashboardData['breakdowns'][number];
export type Ranking = z.infer<typeof ChildRanking>;
export type RankingItem = z.infer<typeof ChildRankingItem>;
export type TargetSheetData = z.infer<typeof TargetSheet>;
export type TargetItem = z.infer<typeof TargetView>;
export type ChildTarget = z.infer<typeof ChildTargetView>;
export type { IndicatorCode } from '../../../../domain/indicators/indicators';
