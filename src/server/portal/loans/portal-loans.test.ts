import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestApp, type TestApp, tempDataDir } from '../../../test/harness.js';
import { createLoanOrgs, type LoanOrgs } from '../../../test/case-factories.js';
import { mobileFor } from '../../../test/ledger-factories.js';
import { seedEntity, seedPerson } from '../../../test/ledger-factories.js';
import { loginOfficers } from '../../../test/officers.js';
import { auditLog } from '../../platform/audit/table.js';
import { caseTransitions } from '../../programme/cases/table.js';
import { portalAccounts } from '../accounts/table.js';
import { registerEntrepreneur } from '../accounts/portal-test-kit.js';

/**
 * 创业担保贷款 on the portal over HTTP: an unverified account is refused with a code and sees
 * nothing; a verified entrepreneur sees the product and the banks of their county, gets the
 * pre-check condition by condition, files (actor: their account, in the history and the audit),
 * cannot file twice, follows the file, uploads materials while it takes them; another account
 * gets 404 for the file; officers' decisions reach the applicant as 站内信 with the reason.
 */

let t: TestApp;
let orgs: LoanOrgs;
let town: Agent;
let county: Agent;
let hrss: Agent;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('portal-loans') } });
  orgs = await createLoanOrgs(t);
  [town, county] = await loginOfficers(t, 'xl_officer', 'fj_officer');
  await t.createUser({
    login: 'fj_hrss',
    grants: [{ role: 'dept_staff', orgId: orgs.hrss, scopeType: 'org' }],
  });
  hrss = await t.login('fj_hrss');
});
afterAll(() => t.close());

/** A registered account linked to a fresh person of 兴隆镇 (verified: no first submission waits). */
async function linkedEntrepreneur(): Promise<{
  agent: Agent;
  personId: string;
  accountId: string;
}> {
  const mobile = mobileFor();
  const agent = await registerEntrepreneur(t, mobile);
  const personId = await seedPerson(t);
  const session = await agent.get('/api/portal/session');
  const accountId = session.json<{ accountId: string }>().accountId;
  await t.database.db
    .update(portalAccounts)
    .set({ personId })
    .where(eq(portalAccounts.id, accountId));
  return { agent, personId, accountId };
}

function application(over: Record<string, unknown> = {}) {
  return {
    kind: 'individual',
    amountFen: 20_000_000,
    termMonths: 24,
    purpose: '脐橙分拣设备',
    collateral: 'forest_rights',
    declarations: { confirmed: true, otherLoans: [], declaredGroups: [] },
    bankOrgId: orgs.bank,
    ...over,
  };
}

const upload = (
  agent: Agent,
  caseId: string,
  bytes: Buffer,
  name = '身份证.png',
  kind = 'id_card',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/portal/loans/${caseId}/attachments?name=${encodeURIComponent(name)}&kind=${kind}`,
    headers: {
      cookie: agent.cookie,
      'x-csrf-token': agent.csrf,
      'content-type': 'application/octet-stream',
    },
    payload: bytes,
  });

async function fire(agent: Agent, id: string, transition: string, extra: object = {}) {
  const cur = await agent.get(`/api/cases/${id}`);
  expect(cur.statusCode, cur.body).toBe(200);
  const r = await agent.post(`/api/cases/${id}/transitions`, {
    transition,
    version: cur.json().version,
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(200);
}

describe('an account that is not verified', () => {
  it('is refused with PORTAL_LOAN_NOT_LINKED and sees the national product only', async () => {
    const agent = await registerEntrepreneur(t, mobileFor());
    const product = await agent.get('/api/portal/loans/product');
    expect(product.statusCode, product.body).toBe(200);
    expect(product.json().canApply).toBe(false);
    for (const [method, url, body] of [
      ['GET', '/api/portal/loans/banks', undefined],
      ['GET', '/api/portal/loans', undefined],
      [
        'POST',
        '/api/portal/loans/eligibility',
        { kind: 'individual', amountFen: 100, termMonths: 12 },
      ],
      ['POST', '/api/portal/loans', application()],
    ] as const) {
      const res = await agent.request(method, url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(409);
      expect(res.json().code).toBe('PORTAL_LOAN_NOT_LINKED');
      expect(res.json().message).toContain('核实');
    }
  });

  it('refuses an officer session on the portal routes (401)', async () => {
    const res = await county.get('/api/portal/loans');
    expect(res.statusCode).toBe(401);
  });
});

describe('a verified entrepreneur', () => {
  it('sees the product of their county and its banks, and the pre-check condition by condition', async () => {
    const { agent } = await linkedEntrepreneur();
    const p = (await agent.get('/api/portal/loans/product')).json();
    expect(p.canApply).toBe(true);
    expect(p.capIndividualFen.value).toBe(30_000_000);
    expect(p.capEnterpriseFen.value).toBe(400_000_000);
    expect(p.kinds).toEqual(['individual', 'partnership']);
    const banks = (await agent.get('/api/portal/loans/banks')).json().items;
    expect(banks.map((b: { id: string }) => b.id).sort()).toEqual(
      [orgs.bank, orgs.otherBank].sort(),
    );
    const pre = await agent.post('/api/portal/loans/eligibility', {
      kind: 'individual',
      amountFen: 35_000_000,
      termMonths: 24,
    });
    expect(pre.statusCode, pre.body).toBe(200);
    const amount = pre.json().conditions.find((c: { code: string }) => c.code === 'amount');
    expect(amount.met).toBe(false);
    expect(amount.zh).toContain('超过个人上限');
    const refused = await agent.post('/api/portal/loans', application({ amountFen: 35_000_000 }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('LOAN_INELIGIBLE');
    const enterprise = await agent.post('/api/portal/loans/eligibility', {
      kind: 'enterprise',
      amountFen: 100_000_00,
      termMonths: 24,
    });
    expect(enterprise.json().code).toBe('PORTAL_LOAN_NOT_REPRESENTATIVE');
  });

  it('files as the applicant, once, follows the file and uploads materials to it only', async () => {
    const { agent, personId, accountId } = await linkedEntrepreneur();
    const unconfirmed = await agent.post(
      '/api/portal/loans',
      application({ declarations: { confirmed: false, otherLoans: [], declaredGroups: [] } }),
    );
    expect(unconfirmed.json().code).toBe('PORTAL_LOAN_DECLARATION_REQUIRED');
    const wushanBank = await t.createOrg('巫山县某银行', 'bank', '500237000000');
    const farBank = await agent.post('/api/portal/loans', application({ bankOrgId: wushanBank }));
    expect(farBank.json().code).toBe('CASE_ROUTING_INVALID');

    const filed = await agent.post('/api/portal/loans', application());
    expect(filed.statusCode, filed.body).toBe(201);
    const caseId = filed.json().caseId as string;

    // The history and the audit name the applicant's account, never a staff user.
    const [created] = await t.database.db
      .select()
      .from(caseTransitions)
      .where(eq(caseTransitions.caseId, caseId));
    expect(created!.actorUserId).toBeNull();
    expect(created!.actorLogin).toMatch(/^entrepreneur:1\d\d\*{4}\d{4}$/);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, caseId), eq(auditLog.action, 'loan.apply')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(accountId);
    expect(audit[0]!.actorRoles).toBe('entrepreneur');
    expect(audit[0]!.details).toMatchObject({ via: 'portal', kind: 'individual' });

    // The township's case officers hear of it and see it in their queue; the console reads it.
    const bell = (await town.get('/api/notifications')).json();
    expect(JSON.stringify(bell)).toContain(caseId);
    const queue = (await town.get('/api/cases/queue?tab=todo')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(caseId);
    const officerView = (await town.get(`/api/cases/${caseId}`)).json();
    expect(officerView.subjectPersonId).toBe(personId);

    // A second open application of the same borrower is refused.
    const again = await agent.post('/api/portal/loans', application());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PORTAL_LOAN_OPEN_EXISTS');

    const list = (await agent.get('/api/portal/loans')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      caseId,
      amountFen: 20_000_000,
      stateName: '待受理',
      bankName: '重庆农村商业银行奉节支行',
    });
    expect(list[0].nextAction).toContain('受理');

    // What is missing names the materials of an individual's file, by kind, until they arrive.
    const before = (await agent.get(`/api/portal/loans/${caseId}`)).json();
    expect(before.missing[0]).toBe('尚未上传：身份证（正反面）、经营场所或项目证明');
    const png = await upload(agent, caseId, PNG);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().materialKind).toBe('id_card');
    const text = await upload(agent, caseId, Buffer.from('not a picture'), 'a.png');
    expect(text.statusCode).toBe(415);
    const attachAudit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, caseId), eq(auditLog.action, 'portal.loan_attach')));
    expect(attachAudit).toHaveLength(1);
    expect(attachAudit[0]!.details).toMatchObject({ materialKind: 'id_card' });
    expect(attachAudit[0]!.actorId).toBe(accountId);

    const detail = (await agent.get(`/api/portal/loans/${caseId}`)).json();
    expect(detail.steps[0]).toMatchObject({ state: 'submitted', status: 'current' });
    expect(detail.attachments).toHaveLength(1);
    expect(detail.attachments[0].materialKind).toBe('id_card');
    expect(detail.missing[0]).toBe('尚未上传：经营场所或项目证明');
    expect((await upload(agent, caseId, PNG, '场地租赁合同.png', 'premises')).statusCode).toBe(201);
    const complete = (await agent.get(`/api/portal/loans/${caseId}`)).json();
    expect(complete.missing.filter((m: string) => m.startsWith('尚未上传'))).toEqual([]);
    // the officer sees each material's kind too
    const materials = (await town.get(`/api/cases/${caseId}`)).json().attachments as {
      materialKind: string;
    }[];
    expect(materials.map((m) => m.materialKind).sort()).toEqual(['id_card', 'premises']);
    expect((await upload(agent, caseId, PNG, 'x.png', 'passport')).statusCode).toBe(400);
    expect(detail.acceptsMaterials).toBe(true);
    expect(detail.schedule).toBeNull();

    // Another entrepreneur: the file does not exist for them.
    const other = await linkedEntrepreneur();
    const peek = await other.agent.get(`/api/portal/loans/${caseId}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json().code).toBe('NOT_FOUND');
    expect((await upload(other.agent, caseId, PNG)).statusCode).toBe(404);
    expect((await other.agent.get('/api/portal/loans')).json().items).toEqual([]);

    // Decisions reach the applicant as messages linking to the file, the refusal with its reason.
    await fire(town, caseId, 'accept');
    await fire(hrss, caseId, 'refuse', { reason: '经营场所证明不全' });
    const messages = (await agent.get('/api/portal/notifications')).json().items as {
      title: string;
      body: string;
      link: string;
    }[];
    expect(messages.some((m) => m.title.includes('人社资格审核'))).toBe(true);
    const refusal = messages.find((m) => m.body.includes('经营场所证明不全'));
    expect(refusal?.link).toBe(`/loans/${caseId}`);
    const after = (await agent.get(`/api/portal/loans/${caseId}`)).json();
    expect(after.stateName).toBe('未通过');
    expect(after.history.at(-1).reason).toBe('经营场所证明不全');
    const closed = await upload(agent, caseId, PNG);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('PORTAL_LOAN_MATERIALS_CLOSED');
    // A refused file is closed: the entrepreneur may apply again.
    const anew = await agent.post('/api/portal/loans', application());
    expect(anew.statusCode, anew.body).toBe(201);
  });

  it('files exactly one of two simultaneous applications', async () => {
    const { agent } = await linkedEntrepreneur();
    const answers = await Promise.all([
      agent.post('/api/portal/loans', application()),
      agent.post('/api/portal/loans', application()),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect((await agent.get('/api/portal/loans')).json().items).toHaveLength(1);
  });

  it('applies for the enterprise it represents', async () => {
    const { agent, personId, accountId } = await linkedEntrepreneur();
    const entityId = await seedEntity(t, { links: [{ personId, role: 'legal_rep' }] });
    await t.database.db
      .update(portalAccounts)
      .set({ entityId })
      .where(eq(portalAccounts.id, accountId));
    const p = (await agent.get('/api/portal/loans/product')).json();
    expect(p.kinds).toContain('enterprise');
    const filed = await agent.post(
      '/api/portal/loans',
      application({ kind: 'enterprise', amountFen: 100_000_000 }),
    );
    // The pre-check decides (a hiring ratio may be undecidable); a hard failure would be 422.
    expect([201, 422], filed.body).toContain(filed.statusCode);
    if (filed.statusCode === 201) {
      const list = (await agent.get('/api/portal/loans')).json().items;
      expect(list[0].caseId).toBe(filed.json().caseId);
    }
  });
});
