/** The statistics screens' colours, shared by charts and plain components (no ECharts here). */

/** The console's chart palette: the theme's blue first, then calm, distinguishable colours. */
export const PALETTE = [
  '#1a5fb4',
  '#26a269',
  '#e5a50a',
  '#c64600',
  '#613583',
  '#3d8bd9',
  '#63452c',
  '#2ec27e',
  '#a51d2d',
  '#77767b',
];

/** Figures behind the time elapsed. */
export const BEHIND_COLOR = '#c01c28';
/** Figures on or ahead of schedule, and completed targets. */
export const AHEAD_COLOR = '#26a269';
/** The theme's primary blue. */
export const PRIMARY_COLOR = '#1a5fb4';
