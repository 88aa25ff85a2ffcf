import type { EntityCreateInput } from '../../domain/ledger/entity-schema.js';
import {
  FENGJIE_ENTITIES,
  FENGJIE_WORKSHOPS,
  NANYANG_ENTITY_RATIO,
  STORY_TARGETS,
} from './story-data.js';
import type { PlannedPerson } from './story-people.js';
import { pickTownship, type StoryCounty } from './story-places.js';
import { addDays, type Random, randomDay } from './random.js';
import { type EntityPlan, synthEntity } from './synth-entity.js';

/** A market entity of the story, before insertion, with the person who founded it. */
export interface PlannedEntity {
  input: EntityCreateInput;
  createdAt: Date;
  founder: PlannedPerson | null;
}

interface Ctx {
  r: Random;
  today: string;
  serial: { next: number };
}

function entered(r: Random, foundedOn: string, today: string): Date {
  const day = addDays(foundedOn, r.int(0, 20));
  return new Date(
    `${day < today ? day : today}T10:${String(r.int(0, 59)).padStart(2, '0')}:00+08:00`,
  );
}

function make(
  c: Ctx,
  county: StoryCounty,
  town: { code: string; name: string },
  plan: EntityPlan,
  founder: PlannedPerson | null,
  parkOrgId: string | null,
): PlannedEntity {
  const input = synthEntity(
    c.r,
    {
      township: town.code,
      county: county.code,
      serial: c.serial.next++,
      namePrefix: `${county.name}${town.name}`,
      parkOrgId,
    },
    plan,
  );
  return { input, createdAt: entered(c.r, plan.foundedOn, c.today), founder };
}

/** People who started, shuffled: each founds at most one entity. */
function founders(r: Random, people: PlannedPerson[]): PlannedPerson[] {
  const list = people.filter((p) => p.startedOn !== null);
  for (let i = list.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [list[i], list[j]] = [list[j] as PlannedPerson, list[i] as PlannedPerson];
  }
  return list;
}

function townOf(county: StoryCounty, code: string) {
  return county.townships.find((t) => t.code === code) ?? county.townships[0] ?? { code, name: '' };
}

/** 南阳's entities: about three for every four people who started, founded when they started. */
export function planNanyangEntities(
  c: Ctx,
  counties: StoryCounty[],
  people: PlannedPerson[],
): PlannedEntity[] {
  const out: PlannedEntity[] = [];
  for (const county of counties) {
    const pool = founders(
      c.r,
      people.filter((p) => p.county === county.code),
    );
    const n = Math.round(pool.length * NANYANG_ENTITY_RATIO);
    for (const founder of pool.slice(0, n)) {
      const foundedOn = addDays(founder.startedOn ?? c.today, c.r.int(0, 45));
      const plan: EntityPlan = {
        foundedOn: foundedOn < c.today ? foundedOn : c.today,
        isWorkshop: c.r.chance(0.008),
        aboveScale: c.r.chance(0.003),
      };
      out.push(make(c, county, townOf(county, founder.township), plan, founder, null));
    }
  }
  return out;
}

/** Towns of a split target, with their share, from the story's targets. */
function splitTowns(indicator: string): [string, number][] {
  const t = STORY_TARGETS.find(
    (x) => x.region.startsWith('500236') && x.indicator === indicator && x.split,
  );
  return (t?.split ?? []).map(([code, v]) => [code, v]);
}

/**
 * 奉节's entities: the workshops and 规上 enterprises of the park plan (mostly in the "1+7"
 * parks), and the many small businesses of returnees across its towns.
 */
export function planFengjieEntities(
  c: Ctx,
  county: StoryCounty,
  people: PlannedPerson[],
  parks: Map<string, string>,
): PlannedEntity[] {
  const out: PlannedEntity[] = [];
  const pool = founders(
    c.r,
    people.filter((p) => p.county === county.code),
  );
  const nextFounder = () => (c.r.chance(0.8) ? (pool.pop() ?? null) : null);
  const special = (indicator: string, count: number, plan: (r: Random) => EntityPlan) => {
    const towns = splitTowns(indicator);
    for (let i = 0; i < count; i++) {
      const code =
        c.r.chance(0.93) && towns.length > 0 ? c.r.weighted(towns) : pickTownship(c.r, county).code;
      out.push(
        make(c, county, townOf(county, code), plan(c.r), nextFounder(), parks.get(code) ?? null),
      );
    }
  };
  special('workshops', FENGJIE_WORKSHOPS.total, (r) => ({
    foundedOn: randomDay(r, '2019-01-01', '2025-12-20'),
    isWorkshop: true,
  }));
  special('above_scale', FENGJIE_WORKSHOPS.aboveScale, (r) => ({
    foundedOn: randomDay(r, '2019-01-01', '2024-12-31'),
    aboveScale: true,
  }));
  const boost = new Map([...parks.keys()].map((k) => [k, 2.5]));
  for (let i = out.length; i < FENGJIE_ENTITIES; i++) {
    const founder = nextFounder();
    const town = founder ? townOf(county, founder.township) : pickTownship(c.r, county, boost);
    const foundedOn = founder?.startedOn
      ? addDays(founder.startedOn, c.r.int(0, 45))
      : randomDay(c.r, '2019-01-01', c.today);
    const park = parks.get(town.code) ?? null;
    const plan: EntityPlan = { foundedOn: foundedOn < c.today ? foundedOn : c.today };
    const entity = make(c, county, town, plan, founder, park && c.r.chance(0.3) ? park : null);
    out.push(entity);
  }
  return out;
}
