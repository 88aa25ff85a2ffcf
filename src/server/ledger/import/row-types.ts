import type { EntityCreateT } from '../../../domain/ledger/entity-schema.js';
import type { Keys } from '../../platform/crypto/keys.js';
import type { EntityInsert } from '../entities/row.js';
import type { Cell } from './cells.js';
import type { ImportKind } from './columns.js';
import type { Fingerprint } from './fingerprint.js';

/** A data row as read from the file: its row number as the spreadsheet shows it, and cells. */
export interface RawRow {
  n: number;
  c: Cell[];
}

/** One problem with one cell, as the error report lists it. */
export interface RowIssue {
  column: string;
  code: string;
  /** The cell as typed, masked when it is personal data. */
  value: string;
}

/** A region code a row refers to; `ledger` marks the one whose scope the importer must hold. */
export interface RegionRef {
  column: string;
  code: string;
  ledger: boolean;
}

interface ValidBase {
  n: number;
  ok: true;
  /** Fingerprint of the key (ID number / credit code) for duplicates within the file. */
  fp: Fingerprint;
  /** The key column's header and masked value, for issues found later. */
  key: { column: string; value: string };
  regions: RegionRef[];
  /** Accepted with a warning (an early pilot credit code). */
  warnings: RowIssue[];
}

export interface ValidPerson extends ValidBase {
  kind: 'people';
  /** Blind indexes of the ID number and the phone. */
  bidx: string;
  phoneBidx: string | null;
  /** Byte range of the validated input (PersonCreateT as JSON) in its chunk's `inputs`. */
  input: [number, number];
  /** The chunk's inputs, attached where the chunk is received (not sent between threads). */
  inputs?: Uint8Array;
  /** The ledger region when the file names it (台账所属区划代码). */
  ledgerRegionCode: string | null;
}

export interface ValidEntity extends ValidBase {
  kind: 'entities';
  row: EntityInsert;
  input: EntityCreateT;
  founder: { bidx: string; column: string; value: string } | null;
}

export interface InvalidRow {
  n: number;
  ok: false;
  issues: RowIssue[];
}

export type RowResult = ValidPerson | ValidEntity | InvalidRow;

/** What validation needs besides the row: where the columns are, the keys, who and when. */
export interface ValidationSetup {
  kind: ImportKind;
  /** For each column index of the file, the field it fills (null: ignored). */
  fields: (string | null)[];
  keys: Keys;
  actorId: string | null;
  now: Date;
}

/**
 * A validated chunk of rows. For people the new rows travel as bytes, never as objects: the
 * rows built by the shared write model (sealed identifiers, search tokens, history changes) as
 * COPY text lines for the staging table (person-bulk.ts), and the validated inputs for updates;
 * both are transferred between threads without copying.
 */
export interface ChunkResult {
  rows: RowResult[];
  /** Row numbers of the template's example rows, skipped without validation. */
  skipped?: number[];
  copy: Uint8Array | null;
  inputs: Uint8Array | null;
}
