import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonCreate } from '../../../domain/ledger/person-schema.js';
import { personSearchTokens } from '../../../domain/text/name-tokens.js';
import { idNumberFor, personBody, seedPerson } from '../../../test/ledger-factories.js';
import { type Agent, createTestApp, type TestApp, TUXIANG } from '../../../test/harness.js';
import { loginOfficers } from '../../../test/officers.js';
import { generatedPersonRow } from '../../demo/generate-unit.js';
import { Random } from '../../demo/random.js';
import { startedPlan, synthPerson } from '../../demo/synth-person.js';
import { personRow } from './row.js';
import { people } from './table.js';

/**
 * Pinyin search for people: officials type full pinyin or initials (smq for 孙明强), and a
 * polyphonic surname is found by its surname reading (单 shan, 曾 zeng). Every writer — the API,
 * the importer's write model and the demo loader — stores the same tokens. Exact, ordered
 * expectations, so the file proves PGlite and PostgreSQL (TEST_DATABASE_URL) agree.
 */

let t: TestApp;
let county: Agent;
let tuxiang: Agent;
let wushan: Agent;
let apiId: string;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  [county, tuxiang, wushan] = await loginOfficers(t, 'fj_officer', 'tx_officer', 'ws_officer');
  const res = await county.post(
    '/api/people',
    personBody({
      name: '孙明强',
      skills: '电商直播',
      idNumber: idNumberFor({ birth: '19850203' }),
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  apiId = res.json<{ id: string }>().id;
  for (const [name, birth] of [
    ['单田芳', '19700101'],
    ['曾国藩', '19710101'],
    ['孙明', '19720101'],
  ] as const) {
    await seedPerson(t, { name, idNumber: idNumberFor({ birth }) });
  }
  await seedPerson(t, { name: '宋美琪', idNumber: idNumberFor({ birth: '19730101' }) }, TUXIANG);
});
afterAll(() => t.close());

async function names(agent: Agent, text: string): Promise<string[]> {
  const res = await agent.get(`/api/people?q=${encodeURIComponent(text)}&sort=name`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { name: string }[] }>().items.map((p) => p.name);
}

describe('pinyin search for people', () => {
  it('finds 孙明强 by initials, by full pinyin, and by surname and given name apart', async () => {
    expect(await names(county, 'smq')).toEqual(['孙明强', '宋美琪']);
    expect(await names(county, 'sunmingqiang')).toEqual(['孙明强']);
    expect(await names(county, 'SunMingQiang')).toEqual(['孙明强']);
    expect(await names(county, 'sun mingqiang')).toEqual(['孙明强']);
    expect(await names(county, 'sunming')).toEqual(['孙明']);
  });

  it('does not find people outside the searcher’s scope', async () => {
    expect(await names(tuxiang, 'smq')).toEqual(['宋美琪']);
    expect(await names(tuxiang, 'sunmingqiang')).toEqual([]);
    expect(await names(wushan, 'smq')).toEqual([]);
  });

  it('finds a polyphonic surname by its surname reading, and by the default reading', async () => {
    expect(await names(county, 'shantianfang')).toEqual(['单田芳']);
    expect(await names(county, 'stf')).toEqual(['单田芳']);
    expect(await names(county, 'dantianfang')).toEqual(['单田芳']);
    expect(await names(county, 'zengguofan')).toEqual(['曾国藩']);
    expect(await names(county, 'zgf')).toEqual(['曾国藩']);
  });

  it('re-indexes the pinyin when a name changes', async () => {
    const cur = await county.get(`/api/people/${apiId}`);
    const res = await county.patch(`/api/people/${apiId}`, {
      name: '孙明刚',
      version: cur.json<{ version: number }>().version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await names(county, 'sunminggang')).toEqual(['孙明刚']);
    expect(await names(county, 'sunmingqiang')).toEqual([]);
    await county.patch(`/api/people/${apiId}`, {
      name: '孙明强',
      version: cur.json<{ version: number }>().version + 1,
    });
    expect(await names(county, 'sunmingqiang')).toEqual(['孙明强']);
  });
});

describe('one token function for every writer', () => {
  it('stores the same tokens from the API, the importer’s write model and the demo loader', async () => {
    const [stored] = await t.database.db
      .select({ name: people.name, skills: people.skills, tokens: people.searchTokens })
      .from(people)
      .where(eq(people.id, apiId));
    expect(stored?.tokens).toEqual(personSearchTokens({ name: '孙明强', skills: '电商直播' }));
    expect(stored?.tokens).toEqual(expect.arrayContaining(['smq', 'sunmingqiang', '孙明']));

    // The importer writes personRow() of the parsed row.
    const body = PersonCreate.parse(personBody({ name: '孙明强', skills: '电商直播' }));
    const imported = personRow(body, t.deps.keys, { actorId: null, now: t.clock.read() });
    expect(imported.searchTokens).toEqual(stored?.tokens);

    // The demo loader builds its rows its own (memoised) way.
    const r = new Random('pinyin');
    const s = synthPerson(
      r,
      { township: '500236128000', county: '500236', serial: 1, phoneSerial: 1 },
      startedPlan(r, '2022-05-05'),
    );
    const demo = generatedPersonRow(t.deps.keys, {
      ...s,
      input: { ...s.input, name: '孙明强', skills: '电商直播' },
    });
    expect(demo.searchTokens).toEqual(stored?.tokens);
  });
});
