import type { JobContext, JobOutcome } from '../../platform/jobs/runner.js';
import type { ImportKind } from './columns.js';
import { writeEntities } from './entity-import.js';
import { fingerprint, FingerprintSet, type RowSet } from './fingerprint.js';
import { type ImportParamsT, withinAny, writableIn } from './import-params.js';
import { at, type IssueAt, saveIssues } from './issues.js';
import { writePeople } from './people-import.js';
import { type ValidationPool, validationPool } from './pool.js';
import { isBlankRow, rowKey } from './read-row.js';
import { RegionCache } from './regions-cache.js';
import type { RegionNameIndex } from '../../../domain/regions/region-names.js';
import { cellText } from './cells.js';
import { regionNameIndex } from './region-names.js';
import { isExampleKey } from './template-data.js';
import { countersOf, failedRows, type ImportCounters } from './resume-state.js';
import type {
  ChunkResult,
  RawRow,
  RowIssue,
  RowResult,
  ValidEntity,
  ValidPerson,
} from './row-types.js';
import type { ImportSource } from './source.js';
import type { BatchOutcome, WriteEnv } from './write-env.js';

/** Rows per committed batch unless the run says otherwise. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Rows per chunk handed to validation (a batch is made of whole chunks). */
const MAX_CHUNK = 250;

type Valid = ValidPerson | ValidEntity;

/** A batch being gathered: results in row order and the people rows' COPY lines, chunk by chunk. */
interface Batch {
  results: RowResult[];
  copy: Uint8Array[];
  /** Example rows of the template, skipped (row numbers). */
  skipped: number[];
}

/**
 * One run of an import job: streams the rows, validates them (on worker threads for large
 * files), checks regions, scope and duplicates within the file, and commits a batch at a time
 * with the checkpoint, one batch committing while the next is validated. On a resumed run the
 * rows up to the checkpoint are read again only to rebuild the set of keys already imported.
 */
export class ImportRun {
  private totals: ImportCounters;
  private checkpoint: number;
  private readonly seen = new FingerprintSet();
  private readonly regions = new RegionCache();
  private readonly pool: ValidationPool;
  private readonly batchSize: number;
  private replayFailed: RowSet | null = null;
  private batch: Batch = { results: [], copy: [], skipped: [] };
  private writing: Promise<void> = Promise.resolve();
  /** The name (姓名 / 主体名称) of each row read and not yet committed, for the error report. */
  private readonly subjects = new Map<number, string>();
  /** Regions by written name in the importer's counties, loaded when a file first uses one. */
  private names: Promise<RegionNameIndex | null> | null = null;

  constructor(
    private readonly ctx: JobContext,
    private readonly kind: ImportKind,
    private readonly params: ImportParamsT,
    private readonly source: ImportSource,
  ) {
    this.totals = countersOf(ctx.job.result);
    this.checkpoint = ctx.job.checkpoint;
    this.batchSize = ctx.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const setup = {
      kind,
      fields: source.map.map((c) => c?.field ?? null),
      keys: ctx.deps.keys,
      actorId: params.actor.userId,
      now: ctx.deps.clock(),
    };
    this.pool = validationPool(setup, source.size, ctx.options.workers);
  }

  /** Reads the whole file and returns the final counts. */
  async execute(): Promise<JobOutcome> {
    if (this.checkpoint > 0) {
      this.replayFailed = await failedRows(this.ctx.deps.db, this.ctx.job.id, this.checkpoint);
    }
    try {
      await this.readAll();
    } finally {
      // Never leave a batch committing behind a failure: let it settle first.
      await this.writing.catch(() => undefined);
    }
    await this.writing;
    return { result: { ...this.totals }, done: this.totals.total, total: this.totals.total };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Streams the rows to validation (a few chunks ahead) and the results into batches. */
  private async readAll(): Promise<void> {
    const inflight: Promise<ChunkResult>[] = [];
    const maxInflight = Math.max(2, this.pool.threads * 3);
    const chunkSize = Math.min(MAX_CHUNK, this.batchSize);
    let chunk: RawRow[] = [];
    const send = () => {
      const p = this.pool.validate(chunk);
      p.catch(() => undefined); // awaited in order below; no unhandled rejection meanwhile
      inflight.push(p);
      chunk = [];
    };
    for await (const raw of this.source.rows) {
      if (isBlankRow(raw)) continue;
      if (raw.n <= this.checkpoint) {
        this.replay(raw);
        continue;
      }
      this.noteSubject(raw);
      const example = this.isExample(raw);
      const refused = example ? [] : await this.resolveRegionNames(raw);
      if (example || refused.length > 0) {
        // Keep row order: the rows before it go first, then this one, as a chunk of its own.
        if (chunk.length > 0) send();
        const rows: RowResult[] = example ? [] : [{ n: raw.n, ok: false, issues: refused }];
        const skipped = example ? [raw.n] : [];
        inflight.push(Promise.resolve({ rows, skipped, copy: null, inputs: null }));
      } else {
        chunk.push(raw);
        if (chunk.length >= chunkSize) send();
      }
      while (inflight.length >= maxInflight) {
        await this.take(await (inflight.shift() as Promise<ChunkResult>));
      }
    }
    if (chunk.length > 0) send();
    for (const p of inflight) await this.take(await p);
    if (this.batch.results.length > 0 || this.batch.skipped.length > 0) await this.flush();
  }

  /** Remembers the row's name until its batch commits (its issues then carry it). */
  private noteSubject(raw: RawRow): void {
    const i = this.source.map.findIndex((c) => c?.field === 'name');
    const name = i < 0 ? '' : cellText(raw.c[i]).trim();
    if (name !== '') this.subjects.set(raw.n, name);
  }

  /** A row of the template's examples (by its ID number or credit code). */
  private isExample(raw: RawRow): boolean {
    return isExampleKey(this.kind, rowKey(this.kind, this.source.map, raw));
  }

  /**
   * Replaces region names (兴隆镇, 奉节县兴隆镇) in the row's region columns by their codes, within
   * the importer's counties; returns the names that name no region or several.
   */
  private async resolveRegionNames(raw: RawRow): Promise<RowIssue[]> {
    const issues: RowIssue[] = [];
    for (const [i, col] of this.source.map.entries()) {
      if (col?.kind !== 'region') continue;
      const text = cellText(raw.c[i]).trim();
      if (text === '' || /^[\d０-９]/.test(text)) continue;
      this.names ??= regionNameIndex(this.ctx.deps.db, this.params.scopes.import);
      const match = (await this.names)?.resolve(text);
      if (match?.ok) {
        raw.c[i] = match.code;
      } else if (match?.code === 'IMPORT_REGION_NAME_AMBIGUOUS') {
        const list = match.candidates.map((c) => `${c.label} ${c.code}`).join('、');
        issues.push({ column: col.header, code: match.code, value: list });
      } else {
        issues.push({ column: col.header, code: 'IMPORT_REGION_NAME_NOT_FOUND', value: text });
      }
    }
    return issues;
  }

  private replay(raw: RawRow): void {
    if (this.replayFailed?.has(raw.n) || this.isExample(raw)) return;
    const key = rowKey(this.kind, this.source.map, raw);
    if (key) this.seen.add(fingerprint(key));
  }

  private async take(chunk: ChunkResult): Promise<void> {
    for (const r of chunk.rows) {
      if (r.ok && r.kind === 'people' && chunk.inputs) r.inputs = chunk.inputs;
      this.batch.results.push(r);
    }
    if (chunk.copy) this.batch.copy.push(chunk.copy);
    if (chunk.skipped) this.batch.skipped.push(...chunk.skipped);
    if (this.batch.results.length >= this.batchSize) await this.flush();
  }

  /**
   * Starts committing the current batch once the previous one has committed: one batch is
   * written while the next is read and validated, and batches still commit strictly in order.
   */
  private async flush(): Promise<void> {
    await this.writing;
    const batch = this.batch;
    this.batch = { results: [], copy: [], skipped: [] };
    const writing = this.write(batch);
    writing.catch(() => undefined); // awaited by the next flush or at the end
    this.writing = writing;
  }

  private estimate(done: number): number | null {
    const read = this.source.bytesRead();
    if (read <= 0) return null;
    return Math.max(done, Math.round((done * this.source.size) / read));
  }

  /** Regions must exist; the ledger region must lie within the importer's scope. */
  private regionIssue(r: Valid): IssueAt | null {
    for (const ref of r.regions) {
      if (!this.regions.exists(ref.code)) {
        return { n: r.n, column: ref.column, code: 'REGION_NOT_FOUND', value: ref.code };
      }
      if (ref.ledger && !writableIn(this.params, ref.code)) {
        return { n: r.n, column: ref.column, code: 'IMPORT_REGION_OUTSIDE_SCOPE', value: ref.code };
      }
    }
    return null;
  }

  /** Sorts a batch into refused rows and rows to write (first occurrence of each key only). */
  private async sort(results: RowResult[]) {
    const valid = results.filter((r): r is Valid => r.ok);
    await this.regions.load(
      this.ctx.deps.db,
      valid.flatMap((r) => r.regions.map((x) => x.code)),
    );
    const issues: IssueAt[] = [];
    const failed = new Set<number>();
    const write: Valid[] = [];
    const here = new FingerprintSet(64);
    for (const r of results) {
      const problem = r.ok ? this.regionIssue(r) : null;
      if (!r.ok || problem) {
        issues.push(...(r.ok ? [problem as IssueAt] : at(r.n, r.issues)));
        failed.add(r.n);
      } else if (this.seen.has(r.fp) || !here.add(r.fp)) {
        const { column, value } = r.key;
        issues.push({ n: r.n, column, code: 'IMPORT_DUPLICATE_ROW', value });
        failed.add(r.n);
      } else {
        write.push(r);
      }
    }
    return { issues, failed, write };
  }

  private env(): WriteEnv {
    const { params, source } = this;
    const { actor } = params;
    return {
      keys: this.ctx.deps.keys,
      backend: this.ctx.deps.database.kind,
      meta: { actorId: actor.userId, actorLogin: actor.login, now: this.ctx.deps.clock() },
      jobId: this.ctx.job.id,
      writable: (code) => writableIn(params, code),
      linkable: (code) => withinAny(params.scopes.read, code),
      present: new Set(source.map.flatMap((c) => (c ? [c.field] : []))),
      header: (field) => source.map.find((c) => c?.field === field)?.header,
    };
  }

  private rows(tx: Parameters<typeof writePeople>[0], batch: Batch, write: Valid[]) {
    const env = this.env();
    if (this.kind === 'entities') return writeEntities(tx, write as ValidEntity[], env);
    const people = write as ValidPerson[];
    const accepted = new Set(people.map((r) => r.n));
    const excluded = batch.results.filter((r) => r.ok && !accepted.has(r.n)).map((r) => r.n);
    return writePeople(tx, { rows: people, copy: batch.copy, excluded }, env);
  }

  /** Writes a batch, its issues and the checkpoint in one transaction, then notes it committed. */
  private async write(batch: Batch): Promise<void> {
    const { results, skipped } = batch;
    const last = Math.max(
      results[results.length - 1]?.n ?? this.checkpoint,
      skipped[skipped.length - 1] ?? this.checkpoint,
    );
    const { issues, failed, write } = await this.sort(results);
    // Stop short of a full disk: the job fails here, after its last whole batch.
    await this.ctx.deps.freeSpace?.assertRoom();
    const { next, written } = await this.ctx.deps.db.transaction(async (tx) => {
      const o: BatchOutcome = await this.rows(tx, batch, write);
      const all = [...issues, ...o.rejected, ...o.warnings];
      const named = all.map((i) => ({ ...i, subject: this.subjects.get(i.n) ?? '' }));
      await saveIssues(tx, this.ctx.job.id, named);
      const refused = new Set(o.rejected.map((i) => i.n));
      const t = this.totals;
      const next: ImportCounters = {
        total: t.total + results.length + skipped.length,
        created: t.created + o.created,
        updated: t.updated + o.updated,
        unchanged: t.unchanged + o.unchanged,
        failed: t.failed + failed.size + refused.size,
        warnings: t.warnings + new Set(o.warnings.map((w) => w.n)).size,
        skipped: t.skipped + skipped.length,
      };
      const progress = { checkpoint: last, done: next.total, total: this.estimate(next.total) };
      await this.ctx.saveProgress(tx, { ...progress, result: { ...next } });
      return { next, written: write.filter((r) => !refused.has(r.n)) };
    });
    this.totals = next;
    this.checkpoint = last;
    for (const n of this.subjects.keys()) if (n <= last) this.subjects.delete(n);
    for (const r of written) this.seen.add(r.fp);
    const total = this.estimate(next.total);
    await this.ctx.batchCommitted({ batch: 0, checkpoint: last, done: next.total, total });
  }
}
