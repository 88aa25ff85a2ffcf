import { randomUUID } from 'node:crypto';
import type { EntityCreateInput, EntityCreateT } from '../../domain/ledger/entity-schema.js';
import { derivePersonFromId, type PersonCreateT } from '../../domain/ledger/person-schema.js';
import type { Keys } from '../platform/crypto/keys.js';
import { entityRow } from '../ledger/entities/row.js';
import { personSearchTokens } from '../../domain/text/name-tokens.js';
import { personRow } from '../ledger/people/row.js';
import { copyLine, type RowColumn } from './bulk.js';
import type { WorkUnit } from './generate-plan.js';
import { addDays, Random, randomDay } from './random.js';
import { synthEntity } from './synth-entity.js';
import { type PersonPlan, startedPlan, synthPerson, type SynthPerson } from './synth-person.js';

/**
 * One work unit of `demo generate`: its people, entities and founder links as COPY text, built
 * with personRow() / entityRow() like every other write. Runs on a worker thread (or in
 * process); deterministic for a seed, except the row ids.
 */

export interface UnitContext {
  keys: Keys;
  seed: string;
  /** No date after this day (`YYYY-MM-DD`). */
  today: string;
  columns: { people: RowColumn[]; entities: RowColumn[]; links: RowColumn[] };
}

export interface UnitOutput {
  index: number;
  people: string;
  entities: string;
  links: string;
  counts: { people: number; entities: number; links: number };
}

/** Status mix of a generated ledger (most records are entrepreneurs, the rest the talent pool). */
const STATUS_WEIGHTS = [
  ['started', 56],
  ['returned', 16],
  ['intending', 10],
  ['abroad', 18],
] as const;

function personPlan(r: Random, today: string): PersonPlan {
  const status = r.weighted(STATUS_WEIGHTS);
  if (status === 'started') {
    // Slightly more recent than older starts: the programme grows.
    const year = r.weighted([
      [2019, 9],
      [2020, 10],
      [2021, 12],
      [2022, 13],
      [2023, 14],
      [2024, 14],
      [2025, 15],
      [2026, 13],
    ] as const);
    const to = `${year}-12-31` < today ? `${year}-12-31` : today;
    return startedPlan(r, randomDay(r, `${year}-01-01`, to));
  }
  if (status === 'returned') {
    const returnedOn = randomDay(r, '2020-01-01', today);
    return { status, returnedOn, enteredOn: returnedOn };
  }
  return { status, enteredOn: randomDay(r, '2019-01-01', today) };
}

/** The create body the API would have parsed: sex and birth date filled in from the ID number. */
function parsedPerson(input: SynthPerson['input']): PersonCreateT {
  const facts = derivePersonFromId(input.idNumber);
  if (!facts) throw new Error(`generated an invalid ID number ${input.idNumber}`);
  const parsed: PersonCreateT = {
    ...input,
    ...facts,
    skills: input.skills ?? '',
    awayProvinceCode: input.awayProvinceCode ?? null,
  };
  return parsed;
}

const tokenMemo = new Map<string, readonly string[]>();

/**
 * personSearchTokens() of a name alone or of skills alone, remembered: names and skills repeat
 * across millions of rows.
 */
function memoTokens(part: 'name' | 'skills', text: string): readonly string[] {
  const key = `${part}:${text}`;
  let tokens = tokenMemo.get(key);
  if (!tokens) {
    tokens = personSearchTokens(part === 'name' ? { name: text } : { name: '', skills: text });
    if (tokenMemo.size < 500_000) tokenMemo.set(key, tokens);
  }
  return tokens;
}

/**
 * The people row of a synthetic person, as the API would write it (with its id): personRow()
 * seals and fills every column; the search tokens, its costliest part, come from the tokens of
 * the name and of the skills, remembered (the same set: personSearchTokens is the union of the
 * name's and the skills' tokens; a test holds the two equal).
 */
export function generatedPersonRow(keys: Keys, s: SynthPerson) {
  const input = parsedPerson(s.input);
  const row = personRow({ ...input, name: '', skills: '' }, keys, {
    actorId: null,
    now: s.createdAt,
  });
  const tokens = [
    ...new Set([...memoTokens('name', input.name), ...memoTokens('skills', input.skills)]),
  ].sort();
  return {
    id: randomUUID(),
    ...row,
    name: input.name,
    skills: input.skills,
    searchTokens: tokens,
    statusDates: s.statusDates,
  };
}

/** The entities row of a synthetic entity, as the API would write it (with its id). */
export function generatedEntityRow(input: EntityCreateInput, createdAt: Date) {
  return {
    id: randomUUID(),
    ...entityRow({ ...input, links: [] } as unknown as EntityCreateT, {
      actorId: null,
      now: createdAt,
    }),
  };
}

/** Generates one unit. */
export function generateUnit(unit: WorkUnit, ctx: UnitContext): UnitOutput {
  const people: string[] = [];
  const entities: string[] = [];
  const links: string[] = [];
  for (const place of unit.places) {
    const r = new Random(`${ctx.seed}:${place.code}`);
    const founders: { id: string; startedOn: string }[] = [];
    for (let k = 0; k < place.people; k++) {
      const plan = personPlan(r, ctx.today);
      const s = synthPerson(
        r,
        {
          township: place.code,
          county: place.county,
          serial: place.personSerial + k,
          phoneSerial: place.phoneSerial + k,
        },
        plan,
      );
      const row = generatedPersonRow(ctx.keys, s);
      people.push(copyLine(ctx.columns.people, row));
      if (plan.startedOn) founders.push({ id: row.id, startedOn: plan.startedOn });
    }
    for (let k = 0; k < place.entities; k++) {
      const founder =
        founders.length > 0 && r.chance(0.85)
          ? founders.splice(r.int(0, founders.length - 1), 1)[0]
          : undefined;
      const start = founder
        ? addDays(founder.startedOn, r.int(0, 45))
        : randomDay(r, '2019-01-01', ctx.today);
      const foundedOn = start < ctx.today ? start : ctx.today;
      const input = synthEntity(
        r,
        {
          township: place.code,
          county: place.county,
          serial: place.entitySerial + k,
          namePrefix: place.namePrefix,
        },
        { foundedOn, isWorkshop: r.chance(0.012), aboveScale: r.chance(0.004) },
      );
      const createdAt = new Date(`${foundedOn}T10:00:00+08:00`);
      const row = generatedEntityRow(input, createdAt);
      entities.push(copyLine(ctx.columns.entities, row));
      if (founder) {
        links.push(
          copyLine(ctx.columns.links, {
            id: randomUUID(),
            entityId: row.id,
            personId: founder.id,
            role: 'founder',
            createdAt,
          }),
        );
      }
    }
  }
  return {
    index: unit.index,
    people: people.join(''),
    entities: entities.join(''),
    links: links.join(''),
    counts: { people: people.length, entities: entities.length, links: links.length },
  };
}
