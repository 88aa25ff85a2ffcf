import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp } from '../../../test/harness.js';
import { createOfficers } from '../../../test/officers.js';
import { creditCodeFor, entityBody, pilotCode } from '../../../test/ledger-factories.js';
import { auditLog } from '../../platform/audit/table.js';

/** A credit code whose check character fails is refused unless marked as an early pilot code. */

let t: TestApp;
let county: Agent;

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'] });
  await createOfficers(t, 'fj_officer');
  county = await t.login('fj_officer');
});
afterAll(() => t.close());

const REASON = '1998 年试点发放，经县市场监管局核实';

async function auditOf(id: string, action: string) {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectId, id), eq(auditLog.action, action)));
  return rows.map((r) => r.details);
}

describe('credit codes with a wrong check character', () => {
  it('refuses a one-character typo with CREDIT_CODE_CHECKSUM on the creditCode field', async () => {
    const res = await county.post(
      '/api/entities',
      entityBody({ creditCode: pilotCode(creditCodeFor()) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [
          {
            path: 'body.creditCode',
            code: 'CREDIT_CODE_CHECKSUM',
            message:
              '统一社会信用代码校验位不符，请核对；确属早期试点代码的，请标记为早期试点代码并说明',
          },
        ],
      },
    });
  });

  it('refuses the pilot mark without a reason', async () => {
    for (const reason of [undefined, '   ']) {
      const res = await county.post(
        '/api/entities',
        entityBody({
          creditCode: pilotCode(creditCodeFor()),
          pilotCode: true,
          pilotCodeReason: reason,
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().details.issues).toEqual([
        {
          path: 'body.pilotCodeReason',
          code: 'PILOT_CODE_REASON_REQUIRED',
          message: '标记为早期试点代码时须填写试点代码说明',
        },
      ]);
    }
  });

  it('accepts a marked pilot code with its reason: warning kept, mark shown, in history and audit', async () => {
    const code = pilotCode(creditCodeFor());
    const res = await county.post(
      '/api/entities',
      entityBody({ creditCode: code, pilotCode: true, pilotCodeReason: REASON }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      creditCode: code,
      creditCodeChecksumValid: false,
      warnings: ['CREDIT_CODE_CHECKSUM'],
      pilotCode: true,
      pilotCodeReason: REASON,
    });
    expect((await county.get(`/api/entities/${e.id}`)).json()).toMatchObject({
      pilotCode: true,
      pilotCodeReason: REASON,
    });
    const history = (await county.get(`/api/entities/${e.id}/history`)).json();
    const changes = history.items[0].changes as { field: string; to: unknown }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'pilotCode', from: null, to: true },
        { field: 'pilotCodeReason', from: null, to: REASON },
      ]),
    );
    expect(await auditOf(e.id, 'entity.create')).toEqual([
      expect.objectContaining({
        warnings: ['CREDIT_CODE_CHECKSUM'],
        pilotCode: true,
        pilotCodeReason: REASON,
      }),
    ]);
  });

  it('on update: refuses a typo in the code and removing the mark of a failing code; keeps the mark otherwise', async () => {
    const good = await county.post('/api/entities', entityBody({ creditCode: creditCodeFor() }));
    const g = good.json();
    const typo = await county.patch(`/api/entities/${g.id}`, {
      creditCode: pilotCode(g.creditCode),
      version: g.version,
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().details.issues[0]).toMatchObject({
      path: 'body.creditCode',
      code: 'CREDIT_CODE_CHECKSUM',
    });

    const pilot = await county.post(
      '/api/entities',
      entityBody({
        creditCode: pilotCode(creditCodeFor()),
        pilotCode: true,
        pilotCodeReason: REASON,
      }),
    );
    const p = pilot.json();
    const unmark = await county.patch(`/api/entities/${p.id}`, {
      pilotCode: false,
      version: p.version,
    });
    expect(unmark.statusCode).toBe(400);
    expect(unmark.json().details.issues[0].code).toBe('CREDIT_CODE_CHECKSUM');
    const noReason = await county.patch(`/api/entities/${p.id}`, {
      pilotCodeReason: null,
      version: p.version,
    });
    expect(noReason.json().details.issues[0].code).toBe('PILOT_CODE_REASON_REQUIRED');

    const other = await county.patch(`/api/entities/${p.id}`, {
      employees: 7,
      pilotCodeReason: '经核实为 1998 年试点代码',
      version: p.version,
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({
      employees: 7,
      pilotCode: true,
      pilotCodeReason: '经核实为 1998 年试点代码',
      warnings: ['CREDIT_CODE_CHECKSUM'],
    });
    expect(await auditOf(p.id, 'entity.update')).toEqual([
      expect.objectContaining({ pilotCodeReason: '经核实为 1998 年试点代码' }),
    ]);
  });
});
