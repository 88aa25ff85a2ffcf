import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../db/private-files.js';

/**
 * Keys derived from one 32-byte master key: one for encryption at rest (AES-256-GCM), one for
 * blind indexes (HMAC-SHA-256), so an index value reveals nothing about the key that encrypts.
 */
export interface Keys {
  encryption: Buffer;
  blindIndex: Buffer;
}

/**
 * Derives the working keys from the base64 master key.
 *
 * @example
 * const keys = deriveKeys(randomBytes(32).toString('base64'));
 */
export function deriveKeys(masterBase64: string): Keys {
  const master = Buffer.from(masterBase64, 'base64');
  if (master.length !== 32) throw new Error('master key must be 32 bytes');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return {
    encryption: derive('fanxiang/encryption/v1'),
    blindIndex: derive('fanxiang/blind-index/v1'),
  };
}

/**
 * Keys of the audit trail, derived from the master key under labels of their own and never
 * stored in the database: `chain` keys each record's HMAC-SHA-256, `checkpoint` signs the
 * checkpoints of the chain's head written outside the database. Whoever can rewrite the
 * database but does not hold the master key cannot forge either.
 */
export interface AuditKeys {
  chain: Buffer;
  checkpoint: Buffer;
}

/**
 * Derives the audit trail's keys from the base64 master key.
 *
 * @example
 * const auditKeys = deriveAuditKeys(randomBytes(32).toString('base64'));
 */
export function deriveAuditKeys(masterBase64: string): AuditKeys {
  const master = Buffer.from(masterBase64, 'base64');
  if (master.length !== 32) throw new Error('master key must be 32 bytes');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return {
    chain: derive('fanxiang/audit-chain/v1'),
    checkpoint: derive('fanxiang/audit-checkpoint/v1'),
  };
}

/** A fresh random master key in base64. */
export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Reads `<dataDir>/secret.key`, creating it (mode 0600) when missing. Returns the key and
 * whether it was just created, so start-up can say so.
 */
export function loadOrCreateKeyFile(dataDir: string): {
  key: string;
  created: boolean;
  file: string;
} {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    chmodSync(file, PRIVATE_FILE_MODE); // a key left readable by others is made owner-only
    return { key: readFileSync(file, 'utf8').trim(), created: false, file };
  }
  makePrivateDir(dataDir);
  const key = generateMasterKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, created: true, file };
}

/** Key objects made once per key: importing raw key bytes on every call costs more than the cipher. */
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyObject(key: Buffer): KeyObject {
  let k = keyObjects.get(key);
  if (!k) {
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}

/**
 * Initialisation vectors: 12 random bytes each, drawn from the CSPRNG 4 KB at a time (one
 * system call per ~340 values instead of one each) and never handed out twice.
 */
const IV_BYTES = 12;
const IV_POOL_BYTES = IV_BYTES * 341;
let ivPool = Buffer.alloc(0);
let ivNext = 0;

function nextIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

/**
 * Encrypts text with AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url.
 *
 * @example
 * decrypt(keys, encrypt(keys, '13812345678')) // '13812345678'
 */
export function encrypt(keys: Keys, plaintext: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keyObject(keys.encryption), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `v1.${iv.toString('base64url')}.${tag.toString('base64url')}.${body.toString('base64url')}`;
}

/** Reverses {@link encrypt}; throws when the data was tampered with or the key is wrong. */
export function decrypt(keys: Keys, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyObject(keys.encryption),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/**
 * Keyed hash for exact lookup without plaintext (blind index).
 *
 * @example
 * blindIndex(keys, 'id', '500236199001011234') === blindIndex(keys, 'id', '500236199001011234') // true
 */
export function blindIndex(keys: Keys, purpose: string, value: string): string {
  return createHmac('sha256', keyObject(keys.blindIndex))
    .update(`${purpose}\u0000${value}`)
    .digest('base64url');
}
