import { randomUUID } from 'node:crypto';
import { cstDate } from '../../domain/indicators/periods.js';
import { EntityCreate } from '../../domain/ledger/entity-schema.js';
import { PersonCreate } from '../../domain/ledger/person-schema.js';
import { appendAudit } from '../platform/audit/repo.js';
import type { Keys } from '../platform/crypto/keys.js';
import type { Db, Executor } from '../platform/db/client.js';
import { entityRow } from '../ledger/entities/row.js';
import { entityCreatedChanges } from '../ledger/entities/write.js';
import { entities, entityLinks } from '../ledger/entities/table.js';
import { appendHistory } from '../ledger/history/repo.js';
import type { FieldChange } from '../ledger/history/table.js';
import { personRow } from '../ledger/people/row.js';
import { people } from '../ledger/people/table.js';
import { personCreatedChanges } from '../ledger/people/write.js';
import { findTarget, upsertTarget } from '../statistics/targets/repo.js';
import { insertRows } from './bulk.js';
import { Random } from './random.js';
import {
  FENGJIE_STARTED_BY_YEAR,
  NANYANG,
  NANYANG_COUNTIES,
  NANYANG_STARTED_BY_YEAR,
  NOT_STARTED,
  STORY_TARGETS,
} from './story-data.js';
import { planFengjieEntities, planNanyangEntities, type PlannedEntity } from './story-entities.js';
import { planPeople, type PlannedPerson } from './story-people.js';
import { loadCounties, loadParks } from './story-places.js';

/**
 * `fanxiang demo load`: the seed documents' story (南阳市 and 奉节县) in the ledger, with its
 * targets. Rows are built by personRow() / entityRow() from validated create bodies, exactly as
 * the API builds them, and the counter triggers count them as they go in. One transaction, and
 * nothing happens when the story is already there, so it can run any number of times.
 */

const BATCH = 500;

export interface StoryLoadResult {
  loaded: boolean;
  people: number;
  entities: number;
  links: number;
  targets: number;
}

async function insertPeople(
  tx: Executor,
  keys: Keys,
  planned: PlannedPerson[],
): Promise<Map<PlannedPerson, string>> {
  const ids = new Map<PlannedPerson, string>();
  for (let i = 0; i < planned.length; i += BATCH) {
    const batch = planned.slice(i, i + BATCH).map((p) => ({
      plan: p,
      row: {
        id: randomUUID(),
        ...personRow(PersonCreate.parse(p.synth.input), keys, {
          actorId: null,
          now: p.synth.createdAt,
        }),
        statusDates: p.synth.statusDates,
      },
    }));
    const inserted = new Set(
      await insertRows(
        tx,
        people,
        'people',
        batch.map((b) => b.row),
      ),
    );
    const fresh = batch.filter((b) => inserted.has(b.row.id));
    for (const b of fresh) ids.set(b.plan, b.row.id);
    await appendHistory(
      tx,
      fresh.map((b) => history('person', b.row.id, b.row.createdAt, personCreatedChanges(b.row))),
    );
  }
  return ids;
}

/** The demo's `import` entry: every field set, as the importer records it. */
function history(
  objectType: 'person' | 'entity',
  objectId: string,
  at: Date,
  changes: FieldChange[],
) {
  return {
    objectType,
    objectId,
    at,
    actorId: null,
    actorLogin: 'system:demo',
    action: 'import',
    changes,
    context: { source: 'demo' },
  };
}

async function insertEntities(
  tx: Executor,
  planned: PlannedEntity[],
  personIds: Map<PlannedPerson, string>,
): Promise<number> {
  let links = 0;
  for (let i = 0; i < planned.length; i += BATCH) {
    const batch = planned.slice(i, i + BATCH).map((e) => ({
      plan: e,
      row: {
        id: randomUUID(),
        ...entityRow(EntityCreate.parse(e.input), { actorId: null, now: e.createdAt }),
      },
    }));
    const inserted = new Set(
      await insertRows(
        tx,
        entities,
        'entities',
        batch.map((b) => b.row),
      ),
    );
    const fresh = batch.filter((b) => inserted.has(b.row.id));
    const linkRows = fresh.flatMap(({ plan, row }) => {
      const personId = plan.founder ? personIds.get(plan.founder) : undefined;
      if (!personId) return [];
      const roles =
        row.type === 'enterprise' || row.type === 'cooperative'
          ? ['founder', 'legal_rep']
          : ['founder'];
      return roles.map((role) => ({
        id: randomUUID(),
        entityId: row.id,
        personId,
        role,
        createdAt: row.createdAt,
      }));
    });
    links += (await insertRows(tx, entityLinks, 'entity_links', linkRows)).length;
    await appendHistory(
      tx,
      fresh.map((b) =>
        history(
          'entity',
          b.row.id,
          b.row.createdAt,
          entityCreatedChanges(
            b.row,
            linkRows.filter((l) => l.entityId === b.row.id),
          ),
        ),
      ),
    );
  }
  return links;
}

async function insertTargets(tx: Executor, now: Date): Promise<number> {
  let n = 0;
  for (const t of STORY_TARGETS) {
    for (const [region, value] of [[t.region, t.value] as const, ...(t.split ?? [])]) {
      if (await findTarget(tx, { regionCode: region, year: t.year, indicator: t.indicator }))
        continue;
      await upsertTarget(
        tx,
        { regionCode: region, year: t.year, indicator: t.indicator, value },
        { actorId: null, now },
      );
      n++;
    }
  }
  return n;
}

/** True when the story's first target is in place: the story was loaded before. */
export async function storyLoaded(db: Executor): Promise<boolean> {
  return (
    (await findTarget(db, { regionCode: NANYANG, year: 2021, indicator: 'new_entrepreneurs' })) !==
    undefined
  );
}

/**
 * Loads the story unless it is there already. Needs the division tree of 河南 and 重庆; 奉节's
 * parks are attached when the foundation demo created them.
 */
export async function loadDemoStory(
  db: Db,
  keys: Keys,
  now: Date,
  chainKey: Buffer,
): Promise<StoryLoadResult> {
  if (await storyLoaded(db)) return { loaded: false, people: 0, entities: 0, links: 0, targets: 0 };
  const r = new Random('fanxiang-demo-story');
  const today = cstDate(now);
  const nanyang = await loadCounties(
    db,
    NANYANG_COUNTIES.map((c) => c.code),
  );
  const [fengjie] = await loadCounties(db, ['500236']);
  const parks = await loadParks(db);
  const meta = new Map(NANYANG_COUNTIES.map((c) => [c.code, c]));
  const serials = { county: new Map<string, number>(), phone: 0 };
  const nyPeople = planPeople(
    r,
    {
      counties: nanyang,
      weight: (c) => meta.get(c.code)?.weight ?? 1,
      pace2021: (c) => meta.get(c.code)?.pace ?? 1,
      startedByYear: NANYANG_STARTED_BY_YEAR,
      notStarted: NOT_STARTED.nanyang,
      today,
    },
    serials,
  );
  const fjPeople = fengjie
    ? planPeople(
        r,
        {
          counties: [fengjie],
          weight: () => 1,
          startedByYear: FENGJIE_STARTED_BY_YEAR,
          notStarted: NOT_STARTED.fengjie,
          today,
          birthArea: () => (year) => (year < 1997 ? '512226' : '500236'),
        },
        serials,
      )
    : [];
  const ctx = { r, today, serial: { next: 0 } };
  const planned = [
    ...planNanyangEntities(ctx, nanyang, nyPeople),
    ...(fengjie ? planFengjieEntities(ctx, fengjie, fjPeople, parks) : []),
  ];
  // Entered into the ledger "today" at a planned hour still to come: entered now instead.
  for (const p of [...nyPeople, ...fjPeople]) if (p.synth.createdAt > now) p.synth.createdAt = now;
  for (const e of planned) if (e.createdAt > now) e.createdAt = now;
  return db.transaction(async (tx) => {
    const personIds = await insertPeople(tx, keys, [...nyPeople, ...fjPeople]);
    const links = await insertEntities(tx, planned, personIds);
    const targets = await insertTargets(tx, now);
    const result = {
      loaded: true,
      people: personIds.size,
      entities: planned.length,
      links,
      targets,
    };
    await appendAudit(tx, chainKey, {
      at: now,
      actorId: null,
      actorLogin: 'system:demo',
      actorRoles: '',
      ip: 'local',
      action: 'demo.load_story',
      objectType: 'deployment',
      objectId: '',
      result: 'success',
      details: { people: result.people, entities: result.entities, links, targets },
    });
    return result;
  });
}
