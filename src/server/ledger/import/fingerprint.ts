import { hash } from 'node:crypto';

/** A 64-bit fingerprint of a key (an ID number, a credit code) as two 32-bit halves. */
export interface Fingerprint {
  hi: number;
  lo: number;
}

/**
 * The fingerprint of a normalised key, for finding duplicates within one file without keeping
 * the keys: two different keys collide with probability about n²/2⁶⁵ (3·10⁻⁸ for a million).
 *
 * @example
 * fingerprint('500236199003151234') // { hi: …, lo: … }
 */
export function fingerprint(key: string): Fingerprint {
  // The one-shot hash: no Hash object per key (one per imported row).
  const d = hash('md5', key, 'buffer');
  return { hi: d.readUInt32LE(0), lo: d.readUInt32LE(4) };
}

/**
 * A set of fingerprints in two typed arrays (open addressing, kept at most half full): a
 * million keys take 16 MB instead of the ~100 MB of a Set of strings.
 */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  private slot(f: Fingerprint): number {
    const mask = this.used.length - 1;
    let i = (f.lo ^ Math.imul(f.hi, 0x9e3779b1)) & mask;
    while (this.used[i] === 1 && (this.hi[i] !== f.hi || this.lo[i] !== f.lo)) i = (i + 1) & mask;
    return i;
  }

  has(f: Fingerprint): boolean {
    return this.used[this.slot(f)] === 1;
  }

  /** Adds a fingerprint; false when it was already there. */
  add(f: Fingerprint): boolean {
    const i = this.slot(f);
    if (this.used[i] === 1) return false;
    this.hi[i] = f.hi;
    this.lo[i] = f.lo;
    this.used[i] = 1;
    this.size++;
    if (this.size * 2 > this.used.length) this.grow();
    return true;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    this.hi = new Uint32Array(used.length * 2);
    this.lo = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.size = 0;
    for (let i = 0; i < used.length; i++) {
      if (used[i] === 1) this.add({ hi: hi[i] ?? 0, lo: lo[i] ?? 0 });
    }
  }
}

/** A growable set of row numbers as a bitmap (a million rows in 125 kB). */
export class RowSet {
  private bits = new Uint8Array(1024);

  add(n: number): void {
    const byte = n >>> 3;
    if (byte >= this.bits.length) {
      const next = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[byte] = (this.bits[byte] ?? 0) | (1 << (n & 7));
  }

  has(n: number): boolean {
    return (((this.bits[n >>> 3] ?? 0) >> (n & 7)) & 1) === 1;
  }
}
