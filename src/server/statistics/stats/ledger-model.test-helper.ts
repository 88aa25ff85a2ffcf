import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import {
  contributions,
  type EntityFacts,
  type PersonFacts,
} from '../../../domain/indicators/contributions.js';
import type { MonthRange } from '../../../domain/indicators/periods.js';
import type { SourceTable } from '../../../domain/indicators/series.js';
import { isWithin } from '../../../domain/regions/region-code.js';
import type { Executor } from '../../platform/db/client.js';
import { entities } from '../../ledger/entities/table.js';
import { people } from '../../ledger/people/table.js';

/**
 * An in-memory model of the ledger for the counter tests: every write goes to the database
 * (plain SQL, so the triggers see exactly what the services would write) and to the model, and
 * the model's figures come from the series declarations evaluated in JavaScript — independent
 * of the SQL that maintains the counters.
 */

export interface ModelPerson extends PersonFacts {
  id: string;
}
export interface ModelEntity extends EntityFacts {
  id: string;
}

/** Expected totals per `series|dim` for one region. */
export type ExpectedTotals = Map<string, { period: number; ytd: number; cumulative: number }>;

const T0 = new Date('2026-01-01T00:00:00Z');

export class LedgerModel {
  people: ModelPerson[] = [];
  entities: ModelEntity[] = [];

  constructor(private readonly db: Executor) {}

  async addPeople(rows: Omit<ModelPerson, 'id' | 'mergedInto'>[]): Promise<void> {
    if (rows.length === 0) return;
    const added = rows.map((r) => ({ ...r, id: randomUUID(), mergedInto: null }));
    await this.db.insert(people).values(
      added.map((p) => ({
        id: p.id,
        name: '测试',
        sex: 'M',
        birthDate: '1990-01-01',
        idNumberEnc: 'x',
        idNumberBidx: p.id,
        idNumberMask: 'x',
        regionCode: p.regionCode,
        categories: [...p.categories],
        status: p.status,
        statusDates: p.statusDates,
        createdAt: p.createdAt,
        updatedAt: T0,
      })),
    );
    this.people.push(...added);
  }

  async addEntities(rows: Omit<ModelEntity, 'id' | 'mergedInto'>[]): Promise<void> {
    if (rows.length === 0) return;
    const added = rows.map((r) => ({ ...r, id: randomUUID(), mergedInto: null }));
    await this.db.insert(entities).values(
      added.map((e) => ({
        id: e.id,
        name: '测试主体',
        creditCode: e.id,
        type: e.type,
        industryCode: e.industryCode,
        regionCode: e.regionCode,
        foundedOn: e.foundedOn,
        jobsCreated: e.jobsCreated,
        jobsPoverty: e.jobsPoverty,
        aboveScale: e.aboveScale,
        isWorkshop: e.isWorkshop,
        isEcommerce: e.isEcommerce,
        createdAt: e.createdAt,
        updatedAt: T0,
      })),
    );
    this.entities.push(...added);
  }

  /** Applies the same change to some people, in one UPDATE statement. */
  async updatePeople(ids: string[], set: Partial<Omit<ModelPerson, 'id'>>): Promise<void> {
    if (ids.length === 0) return;
    const { categories, ...rest } = set;
    await this.db
      .update(people)
      .set({
        ...rest,
        ...(categories ? { categories: [...categories] } : {}),
        updatedAt: T0,
        version: sql`${people.version} + 1`,
      })
      .where(inArray(people.id, ids));
    for (const p of this.people) if (ids.includes(p.id)) Object.assign(p, set);
  }

  /** Applies the same change to some entities, in one UPDATE statement. */
  async updateEntities(ids: string[], set: Partial<Omit<ModelEntity, 'id'>>): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(entities)
      .set({ ...set, updatedAt: T0, version: sql`${entities.version} + 1` })
      .where(inArray(entities.id, ids));
    for (const e of this.entities) if (ids.includes(e.id)) Object.assign(e, set);
  }

  async deletePeople(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.delete(people).where(inArray(people.id, ids));
    this.people = this.people.filter((p) => !ids.includes(p.id));
  }

  async deleteEntities(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.delete(entities).where(inArray(entities.id, ids));
    this.entities = this.entities.filter((e) => !ids.includes(e.id));
  }

  async clear(): Promise<void> {
    await this.deletePeople(this.people.map((p) => p.id));
    await this.deleteEntities(this.entities.map((e) => e.id));
  }

  /** Totals of every series and dimension member in `region`, by direct count of the model. */
  expected(region: string, period: MonthRange, year: number, to: string): ExpectedTotals {
    const out: ExpectedTotals = new Map();
    const ytdFrom = `${String(year).padStart(4, '0')}-01`;
    const add = (source: SourceTable, row: PersonFacts | EntityFacts) => {
      if (!isWithin(row.regionCode, region)) return;
      for (const c of contributions(source, row)) {
        if (c.month > to) continue;
        const key = `${c.series}|${c.dim}`;
        const t = out.get(key) ?? { period: 0, ytd: 0, cumulative: 0 };
        t.cumulative += c.value;
        if (c.month >= period.from && c.month <= period.to) t.period += c.value;
        if (c.month >= ytdFrom) t.ytd += c.value;
        out.set(key, t);
      }
    };
    for (const p of this.people) add('people', p);
    for (const e of this.entities) add('entities', e);
    return out;
  }
}
