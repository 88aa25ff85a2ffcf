import type { PersonStatus } from '../../domain/ledger/person-categories.js';
import { MONTH_PROFILE } from './story-data.js';
import { pickTownship, type StoryCounty } from './story-places.js';
import { addDays, type Random, randomDay } from './random.js';
import { type PersonPlan, startedPlan, synthPerson, type SynthPerson } from './synth-person.js';

/** A person of the story, before insertion. */
export interface PlannedPerson {
  synth: SynthPerson;
  county: string;
  township: string;
  startedOn: string | null;
}

export interface PeoplePlan {
  counties: StoryCounty[];
  /** Share of each county in the place's people (any scale). */
  weight: (county: StoryCounty) => number;
  /** For 2021, how far each county is ahead of (>1) or behind (<1) its share. */
  pace2021?: (county: StoryCounty) => number;
  startedByYear: Readonly<Record<number, number>>;
  /** People not (yet) started: returned, intending, abroad. */
  notStarted: readonly [number, number, number];
  /** No date after this day. */
  today: string;
  birthArea?: (county: StoryCounty) => ((year: number) => string) | undefined;
}

/** Splits `total` over the counties in proportion to `share`, in whole people. */
function allocate(
  total: number,
  counties: StoryCounty[],
  share: (c: StoryCounty) => number,
): number[] {
  const sum = counties.reduce((n, c) => n + share(c), 0);
  return counties.map((c) => Math.round((total * share(c)) / sum));
}

/** A day of `year` whose month follows the start-up season, not after `today`. */
function seasonalDay(r: Random, year: number, today: string): string {
  const lastMonth = String(year) === today.slice(0, 4) ? Number(today.slice(5, 7)) : 12;
  const month = r.weighted(MONTH_PROFILE.slice(0, lastMonth).map((w, i) => [i + 1, w] as const));
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = addDays(
    `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`,
    -1,
  );
  return randomDay(r, from, to < today ? to : today);
}

/**
 * The people of one place of the story: per year and county, those who started a business, and
 * the returned, intending and working-away people of the talent pool.
 *
 * @param serials - The next serial per county (ID numbers) and the next phone serial; advanced.
 */
export function planPeople(
  r: Random,
  plan: PeoplePlan,
  serials: { county: Map<string, number>; phone: number },
): PlannedPerson[] {
  const out: PlannedPerson[] = [];
  const make = (county: StoryCounty, p: PersonPlan) => {
    const township = pickTownship(r, county).code;
    const serial = serials.county.get(county.code) ?? 0;
    serials.county.set(county.code, serial + 1);
    const synth = synthPerson(
      r,
      {
        township,
        county: county.code,
        serial,
        phoneSerial: serials.phone++,
        birthArea: plan.birthArea?.(county),
        seat: county.seat,
      },
      p,
    );
    out.push({
      synth,
      county: county.code,
      township: synth.input.currentRegionCode,
      startedOn: p.startedOn ?? null,
    });
  };
  for (const [year, total] of Object.entries(plan.startedByYear)) {
    const y = Number(year);
    const share =
      y === 2021 && plan.pace2021
        ? (c: StoryCounty) => plan.weight(c) * (plan.pace2021?.(c) ?? 1)
        : plan.weight;
    allocate(total, plan.counties, share).forEach((n, i) => {
      const county = plan.counties[i];
      if (!county) return;
      for (let k = 0; k < n; k++) make(county, startedPlan(r, seasonalDay(r, y, plan.today)));
    });
  }
  const statuses: PersonStatus[] = ['returned', 'intending', 'abroad'];
  statuses.forEach((status, s) => {
    allocate(plan.notStarted[s] ?? 0, plan.counties, plan.weight).forEach((n, i) => {
      const county = plan.counties[i];
      if (!county) return;
      for (let k = 0; k < n; k++) {
        if (status === 'returned') {
          const returnedOn = randomDay(r, '2022-01-01', plan.today);
          make(county, { status, returnedOn, enteredOn: returnedOn });
        } else {
          make(county, { status, enteredOn: randomDay(r, '2019-01-01', plan.today) });
        }
      }
    });
  });
  return out;
}
