import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  createTestApp,
  type TestApp,
  tempDataDir,
  XINGLONG,
} from '../../../test/harness.js';
import {
  createLoanOrgs,
  type LoanOrgs,
  loanData,
  SAMPLE_FILES,
  seedCase,
} from '../../../test/case-factories.js';
import { loginOfficers } from '../../../test/officers.js';
import { auditLog } from '../../platform/audit/table.js';
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { sweepDeadlines } from './deadline-job.js';
import { ORPHAN_GRACE_MS, sweepOrphanAttachments } from './attachment-sweep.js';
import type { CaseNotice } from './hooks.js';
import { loanRepayments } from '../loans/table.js';
import { caseAttachments, caseTransitions } from './table.js';
import { startS3 } from '../../../test/s3.js';
import {
  caseFilesDir,
  createAttachmentStore,
  incomingDir,
} from '../../platform/storage/attachment-store.js';
import type { AttachmentStore } from '../../platform/storage/store.js';
import { s3AttachmentStore } from '../../platform/storage/attachment-store-s3.js';

/**
 * The case engine over HTTP on a real database: a guarantee-loan file from intake to settlement
 * through each organisation's queue, the bank routing, refusal with a reason, concurrent
 * decisions, and materials.
 */

let t: TestApp;
let orgs: LoanOrgs;
let town: Agent;
let otherTown: Agent;
let office: Agent;
let hrss: Agent;
let guarantee: Agent;
let bank: Agent;
let otherBank: Agent;
const notices: CaseNotice[] = [];

beforeAll(async () => {
  t = await createTestApp({ provinces: ['50'], config: { dataDir: tempDataDir('cases') } });
  t.deps.caseHooks = {
    notify: (_tx, n) => {
      notices.push(n);
      return Promise.resolve(null);
    },
  };
  orgs = await createLoanOrgs(t);
  [town, otherTown, office] = await loginOfficers(t, 'xl_officer', 'tx_officer', 'fj_office');
  const orgUser = async (login: string, role: string, orgId: string) => {
    await t.createUser({ login, grants: [{ role, orgId, scopeType: 'org' }] });
    return t.login(login);
  };
  hrss = await orgUser('fj_hrss', 'dept_staff', orgs.hrss);
  guarantee = await orgUser('fj_guarantee', 'guarantee_reviewer', orgs.guarantee);
  bank = await orgUser('fj_bank', 'bank_reviewer', orgs.bank);
  otherBank = await orgUser('fj_psbc', 'bank_reviewer', orgs.otherBank);
});
afterAll(() => t.close());

async function fire(
  agent: Agent,
  id: string,
  transition: string,
  extra: Record<string, unknown> = {},
) {
  const cur = await agent.get(`/api/cases/${id}`);
  expect(cur.statusCode, cur.body).toBe(200);
  const res = await agent.post(`/api/cases/${id}/transitions`, {
    transition,
    version: cur.json().version,
    ...extra,
  });
  return res;
}

async function todo(agent: Agent, tab = 'todo'): Promise<string[]> {
  const res = await agent.get(`/api/cases/queue?tab=${tab}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
}

async function file(agent: Agent, over: Record<string, unknown> = {}) {
  return agent.post('/api/cases', {
    type: 'guarantee-loan',
    regionCode: XINGLONG,
    data: loanData(orgs.bank, over),
  });
}

describe('a guarantee-loan file through every queue', () => {
  it('moves from intake to settlement, each step in its owner’s queue only', async () => {
    const created = await file(town);
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.state).toBe('submitted');
    expect(c.stateName).toBe('待受理');
    expect(c.dueAt).not.toBeNull();
    expect(c.routing).toMatchObject({
      bankOrgId: orgs.bank,
      hrssOrgId: orgs.hrss,
      guaranteeOrgId: orgs.guarantee,
    });
    expect(c.allowedTransitions.map((x: { id: string }) => x.id)).toEqual([
      'accept',
      'refuse',
      'withdraw',
    ]);

    expect(await todo(town)).toContain(c.id);
    for (const a of [otherTown, hrss, guarantee, bank, otherBank])
      expect(await todo(a)).not.toContain(c.id);

    expect((await fire(town, c.id, 'accept', { comment: '材料齐全' })).statusCode).toBe(200);
    expect(await todo(hrss)).toContain(c.id);
    expect(await todo(town)).not.toContain(c.id);
    expect(await todo(town, 'done')).toContain(c.id);
    // The next step's organisation is told, and so is the applicant (taken in, with a link).
    expect(notices.slice(-2)).toEqual([
      expect.objectContaining({ orgId: orgs.hrss, kind: 'case.step', caseId: c.id }),
      expect.objectContaining({ caseApplicant: true, kind: 'case.decided', caseId: c.id }),
    ]);

    // someone else's step: refused with a code, not a generic error
    const early = await fire(bank, c.id, 'bank_approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CASE_WRONG_STATE');
    const notMine = await fire(town, c.id, 'eligible');
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('CASE_NOT_YOUR_STEP');

    expect((await fire(hrss, c.id, 'eligible')).statusCode).toBe(200);
    expect(await todo(guarantee)).toContain(c.id);
    expect((await fire(guarantee, c.id, 'guarantee_approve')).statusCode).toBe(200);
    expect(await todo(bank)).toContain(c.id);
    expect(await todo(otherBank)).not.toContain(c.id);

    const noFields = await fire(bank, c.id, 'bank_approve');
    expect(noFields.statusCode).toBe(422);
    expect(noFields.json().code).toBe('CASE_FIELDS_INVALID');
    expect(noFields.json().message).toContain('approvedAmountFen');
    const approved = await fire(bank, c.id, 'bank_approve', {
      fields: { approvedAmountFen: 10_000_000, approvedTermMonths: 24 },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const disbursed = await fire(bank, c.id, 'disburse', {
      fields: {
        disbursedFen: 10_000_000,
        disbursedOn: '2026-11-23',
        annualRateBp: 150,
        maturityOn: '2028-11-23',
      },
    });
    expect(disbursed.statusCode, disbursed.body).toBe(200);
    expect(disbursed.json().dueAt).toBeNull();
    expect(disbursed.json().data).toMatchObject({
      disbursedFen: 10_000_000,
      amountFen: 10_000_000,
    });
    expect(
      (await fire(bank, c.id, 'extend', { fields: { maturityOn: '2029-05-23' } })).statusCode,
    ).toBe(200);
    // 结清 needs the principal repaid (the loan module's effect on the transition)
    const unpaid = await fire(bank, c.id, 'settle', { fields: { settledOn: '2029-05-01' } });
    expect(unpaid.statusCode).toBe(422);
    expect(unpaid.json().code).toBe('LOAN_REPAYMENT_INVALID');
    await t.database.db.insert(loanRepayments).values({
      caseId: c.id,
      paidOn: '2029-05-01',
      principalFen: 10_000_000,
      interestFen: 0,
      recordedBy: randomUUID(),
      recordedByLogin: 'fj_bank',
      createdAt: t.clock.read(),
    });
    const settled = await fire(bank, c.id, 'settle', { fields: { settledOn: '2029-05-01' } });
    expect(settled.statusCode).toBe(200);
    expect(settled.json()).toMatchObject({
      state: 'settled',
      terminal: true,
      allowedTransitions: [],
    });

    const detail = (await office.get(`/api/cases/${c.id}`)).json();
    expect(detail.history.map((h: { transition: string }) => h.transition)).toEqual([
      'create',
      'accept',
      'eligible',
      'guarantee_approve',
      'bank_approve',
      'disburse',
      'extend',
      'settle',
    ]);
    expect(detail.history[1]).toMatchObject({
      actorLogin: 'xl_officer',
      comment: '材料齐全',
      fromStateName: '待受理',
      toStateName: '人社资格审核',
    });
    expect(detail.history[4]).toMatchObject({
      actorOrgId: orgs.bank,
      actorOrgName: '重庆农村商业银行奉节支行',
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.id), eq(auditLog.action, 'case.transition')));
    expect(audits).toHaveLength(7);
  });

  it('skips the guarantee agency on the green channel', async () => {
    const c = (await file(town, { greenChannel: true, greenChannelGround: '信用园区' })).json();
    await fire(town, c.id, 'accept');
    const plain = await fire(hrss, c.id, 'eligible');
    expect(plain.statusCode).toBe(422);
    expect(plain.json().code).toBe('CASE_CONDITION');
    const green = await fire(hrss, c.id, 'eligible_green');
    expect(green.json().state).toBe('bank_review');
    expect(await todo(guarantee)).not.toContain(c.id);
    expect(await todo(bank)).toContain(c.id);
  });

  it('refuses without a reason, then records the refusal and keeps the file', async () => {
    const c = (await file(town)).json();
    const bare = await fire(town, c.id, 'refuse');
    expect(bare.statusCode).toBe(422);
    expect(bare.json().code).toBe('CASE_REASON_REQUIRED');
    expect(bare.json().message).toBe('“不予通过”须填写理由');
    const refused = await fire(town, c.id, 'refuse', { reason: '申请人不属于扶持对象' });
    expect(refused.json()).toMatchObject({ state: 'refused', stateName: '未通过', terminal: true });
    expect(refused.json().history.at(-1).reason).toBe('申请人不属于扶持对象');
    expect(await todo(town)).not.toContain(c.id);
  });

  it('keeps files from other banks, other townships and no-one’s scope', async () => {
    const c = (await file(town)).json();
    expect((await otherBank.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await otherTown.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await bank.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    expect((await office.get(`/api/cases/${c.id}`)).json().allowedTransitions).toEqual([]);
    const outside = await otherTown.post('/api/cases', {
      type: 'guarantee-loan',
      regionCode: XINGLONG,
      data: loanData(orgs.bank),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('SCOPE_OUTSIDE_OWN');
    const notABank = await file(town, { bankOrgId: orgs.hrss });
    expect(notABank.statusCode).toBe(422);
    expect(notABank.json().code).toBe('CASE_ROUTING_INVALID');
  });

  it('pages a queue with a cursor, oldest step first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(60_000);
      ids.push((await seedCase(t, { bankOrgId: orgs.otherBank, state: 'bank_review' })).id);
    }
    const seen: string[] = [];
    let url = '/api/cases/queue?tab=todo&limit=2';
    for (;;) {
      const page = (await otherBank.get(url)).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      if (!page.nextCursor) break;
      url = `/api/cases/queue?tab=todo&limit=2&after=${page.nextCursor}`;
    }
    expect(seen).toEqual(ids);
    const bad = await otherBank.get('/api/cases/queue?after=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
  });
});

describe('two reviewers deciding the same step at once', () => {
  it('lets exactly one through; the others get CASE_CONFLICT and the history has one entry', async () => {
    const { id, version } = await seedCase(t, { bankOrgId: orgs.bank, state: 'bank_review' });
    const N = 8;
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        bank.post(`/api/cases/${id}/transitions`, {
          transition: 'bank_approve',
          version,
          fields: { approvedAmountFen: 5_000_000, approvedTermMonths: 12 },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array<number>(N - 1).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().code).toBe('CASE_CONFLICT');
      expect(r.json().message).toMatch(/已被他人处理/);
    }
    const history = await t.database.db
      .select()
      .from(caseTransitions)
      .where(and(eq(caseTransitions.caseId, id), eq(caseTransitions.transition, 'bank_approve')));
    expect(history).toHaveLength(1);
    expect((await bank.get(`/api/cases/${id}`)).json().version).toBe(version + 1);
  });
});

describe.each(['disk', 's3'] as const)('materials in the %s store', (storeKind) => {
  let s3: Awaited<ReturnType<typeof startS3>> | undefined;
  let store: AttachmentStore;
  beforeAll(async () => {
    if (storeKind === 's3') {
      s3 = await startS3();
      t.deps.attachmentStore = s3AttachmentStore(s3.config);
    } else {
      t.deps.attachmentStore = createAttachmentStore(t.deps.config);
    }
    store = t.deps.attachmentStore;
  });
  afterAll(async () => {
    t.deps.attachmentStore = createAttachmentStore(t.deps.config);
    await s3?.close();
  });
  /** The stored objects of a case, asked of the store itself (the bucket, or the directory). */
  const objects = async (caseId: string): Promise<string[]> =>
    s3
      ? s3.keys(`${caseId}/`)
      : (await readdir(path.join(caseFilesDir(t.deps.config), caseId)).catch(() => [])).map(
          (f) => `${caseId}/${f}`,
        );
  const incoming = async () => readdir(incomingDir(t.deps.config)).catch(() => []);

  const upload = (agent: Agent, id: string, name: string, bytes: Buffer, kind?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/attachments?name=${encodeURIComponent(name)}${kind ? `&kind=${kind}` : ''}`,
      headers: {
        cookie: agent.cookie,
        'x-csrf-token': agent.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: bytes,
    });

  it('accepts PDF, JPEG, PNG, .xlsx and .docx by their content, with the checksum', async () => {
    const { id } = await seedCase(t, { bankOrgId: orgs.bank });
    const kinds = {
      pdf: 'application/pdf',
      jpeg: 'image/jpeg',
      png: 'image/png',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    } as const;
    for (const [kind, type] of Object.entries(kinds)) {
      const bytes = SAMPLE_FILES[kind as keyof typeof kinds];
      const res = await upload(town, id, `身份证复印件.${kind}`, bytes);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        contentType: type,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(store.kind).toBe(storeKind);
      expect(await store.exists(`${id}/${res.json().id as string}`)).toBe(true);
    }
    expect(await objects(id)).toHaveLength(5);
    // the officer may say what the material is; unsaid, it is 其他
    const licence = await upload(town, id, '营业执照.pdf', SAMPLE_FILES.pdf, 'business_licence');
    expect(licence.json().materialKind).toBe('business_licence');
    const kindsNow = (await town.get(`/api/cases/${id}`)).json().attachments as {
      materialKind: string;
    }[];
    expect(new Set(kindsNow.map((a) => a.materialKind))).toEqual(
      new Set(['other', 'business_licence']),
    );
    expect((await upload(town, id, 'a.pdf', SAMPLE_FILES.pdf, 'passport')).statusCode).toBe(400);
  });

  it('sweeps objects a crash left without a row, after an hour, never one with a row', async () => {
    const { id } = await seedCase(t, { bankOrgId: orgs.bank });
    const kept = (await upload(town, id, '身份证.pdf', SAMPLE_FILES.pdf)).json();
    // A process killed between putting the bytes and committing the row, and one killed while
    // receiving an upload, leave these behind; an object of another shape is not ours to judge.
    const orphan = `${id}/${randomUUID()}`;
    const foreign = `${id}/readme.txt`;
    for (const key of [orphan, foreign]) {
      const file = path.join(incomingDir(t.deps.config), `put-${randomUUID()}`);
      await writeFile(file, SAMPLE_FILES.pdf);
      await store.put(key, file, {
        size: SAMPLE_FILES.pdf.length,
        contentType: 'application/pdf',
        sha256: 'x',
      });
      await rm(file, { force: true });
    }
    const stale = path.join(incomingDir(t.deps.config), randomUUID());
    await writeFile(stale, 'half an upload');
    const keyOfKept = `${id}/${kept.id as string}`;

    // Within the hour an object may be an upload in flight: nothing goes.
    const early = await sweepOrphanAttachments(t.deps);
    expect(early.removed).toBe(0);
    expect((await objects(id)).sort()).toEqual([foreign, keyOfKept, orphan].sort());

    // An hour later (the clock of the objects is the real one) the orphan and the stale upload go.
    const saved = t.clock.now;
    t.clock.now = new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);
    try {
      const late = await sweepOrphanAttachments(t.deps, { batchSize: 2 });
      expect(late.removed).toBeGreaterThanOrEqual(1);
      expect(late.incomingRemoved).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.now = saved;
    }
    expect((await objects(id)).sort()).toEqual([foreign, keyOfKept].sort());
    expect(await incoming()).not.toContain(path.basename(stale));
    const got = await town.get(`/api/cases/${id}/attachments/${kept.id as string}`);
    expect(got.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    await store.remove(foreign);
  });

  it('refuses an .exe renamed .pdf and a zip that is no Office file', async () => {
    const { id } = await seedCase(t, { bankOrgId: orgs.bank });
    for (const bytes of [SAMPLE_FILES.exe, SAMPLE_FILES.plainZip]) {
      const res = await upload(town, id, '营业执照.pdf', bytes);
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('ATTACHMENT_TYPE_REFUSED');
    }
    const empty = await upload(town, id, '空.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect((await bank.get(`/api/cases/${id}`)).json().attachments).toEqual([]);
    // nothing reached the store, nothing is left behind in the temporary directory
    expect(await objects(id)).toEqual([]);
    expect(await incoming()).toEqual([]);
  });

  it('streams a download from the store, in pieces, byte for byte', async () => {
    const { id } = await seedCase(t, { bankOrgId: orgs.bank, state: 'bank_review' });
    const big = Buffer.concat([SAMPLE_FILES.pdf, randomBytes(3 * 1024 * 1024)]);
    const a = (await upload(bank, id, '担保合同.pdf', big)).json();
    const stream = await store.get(`${id}/${a.id as string}`);
    expect(stream).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(big)).toBe(true);
    const got = await bank.get(`/api/cases/${id}/attachments/${a.id}`);
    expect(got.rawPayload.equals(big)).toBe(true);
  });

  it('serves a material only to those who may read the case, auditing each download', async () => {
    const { id, version } = await seedCase(t, { bankOrgId: orgs.bank, state: 'bank_review' });
    const a = (await upload(bank, id, '借款合同.pdf', SAMPLE_FILES.pdf)).json();
    const url = `/api/cases/${id}/attachments/${a.id}`;
    const got = await bank.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect((await otherBank.get(url)).statusCode).toBe(404);
    const downloads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'case.attachment_download')));
    expect(downloads).toHaveLength(1);
    // a transition may cite the case's own materials only
    const foreign = (await seedCase(t, { bankOrgId: orgs.bank })).id;
    const b = (await upload(town, foreign, '其他.pdf', SAMPLE_FILES.pdf)).json();
    const cite = (attachmentIds: string[]) =>
      bank.post(`/api/cases/${id}/transitions`, {
        transition: 'bank_approve',
        version,
        fields: { approvedAmountFen: 100, approvedTermMonths: 12 },
        attachmentIds,
      });
    expect((await cite([b.id])).json().code).toBe('CASE_ATTACHMENT_UNKNOWN');
    const ok = await cite([a.id]);
    expect(ok.json().history.at(-1).attachmentIds).toEqual([a.id]);
  });

  it.runIf(storeKind === 's3')(
    'answers 503 and keeps no row when the bucket cannot be reached',
    async () => {
      const { id } = await seedCase(t, { bankOrgId: orgs.bank });
      const down = s3AttachmentStore({ ...s3!.config, endpoint: 'http://127.0.0.1:9' });
      t.deps.attachmentStore = down;
      try {
        const res = await upload(town, id, '身份证复印件.pdf', SAMPLE_FILES.pdf);
        expect(res.statusCode).toBe(503);
        expect(res.json().code).toBe('ATTACHMENT_STORE_UNAVAILABLE');
      } finally {
        t.deps.attachmentStore = store;
      }
      const rows = await t.database.db
        .select()
        .from(caseAttachments)
        .where(eq(caseAttachments.caseId, id));
      expect(rows).toEqual([]);
      expect(await incoming()).toEqual([]);
    },
  );
});

/** Every day a working day: keeps the arithmetic of the sweep test obvious (not the official calendar). */
const EVERY_DAY: WorkingCalendar = {
  addWorkingDays: (from, n) => new Date(from.getTime() + n * DAY),
  workingDaysBetween: (from, to) => Math.floor((to.getTime() - from.getTime()) / DAY),
};
const DAY = 86_400_000;

describe('the deadline sweep', () => {
  it('marks 临近超时 then 超时, notifies the step’s owner once each, and fills the 超时 tab', async () => {
    t.deps.caseHooks = { ...t.deps.caseHooks, calendar: EVERY_DAY };
    const c = (await file(town)).json();
    await fire(town, c.id, 'accept'); // now at 人社 eligibility: 3 days
    const mine = () =>
      notices.filter((n) => n.caseId === c.id && n.kind.startsWith('case.deadline'));
    // sessions time out while the clock runs on: log in again after each jump
    let h = hrss;
    const status = async () =>
      (await h.get(`/api/cases/${c.id}`)).json<{ deadlineStatus: string }>().deadlineStatus;
    expect(await status()).toBe('ok');

    t.clock.advance(2.5 * DAY);
    h = await t.login('fj_hrss');
    await sweepDeadlines(t.deps, { batchSize: 2 });
    expect(await status()).toBe('near');
    expect(mine()).toEqual([
      expect.objectContaining({ kind: 'case.deadline_near', orgId: orgs.hrss }),
    ]);
    await sweepDeadlines(t.deps);
    expect(mine()).toHaveLength(1);
    expect(await todo(h, 'overdue')).not.toContain(c.id);

    t.clock.advance(1 * DAY);
    h = await t.login('fj_hrss');
    await sweepDeadlines(t.deps, { batchSize: 2 });
    expect(await status()).toBe('overdue');
    expect(mine().map((n) => n.kind)).toEqual(['case.deadline_near', 'case.deadline_overdue']);
    await sweepDeadlines(t.deps);
    expect(mine()).toHaveLength(2);
    expect(await todo(h, 'overdue')).toContain(c.id);
    const detail = (await h.get(`/api/cases/${c.id}`)).json();
    expect(detail.workingDaysLeft).toBeLessThan(0);

    // the next step starts a fresh clock; the time spent is kept on the history entry
    const moved = (await fire(h, c.id, 'eligible')).json();
    expect(moved.deadlineStatus).toBe('ok');
    expect(moved.history.at(-1).workingDaysInState).toBe(3);
  });
});
