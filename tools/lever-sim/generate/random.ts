// A small seeded PRNG (mulberry32) with the helpers the generator needs; same seed, same sequence.

// Bound once: under Jest each global lookup (`Math`) in a hot loop goes through the vm context's global, ~20x slower.
const { imul, floor } = Math;

export class Rng {
  private state: number;

  /** `label` derives an independent stream, so one section's size never shifts another section's data. */
  constructor(seed: number, label = '') {
    let state = floor(seed) >>> 0;
    for (let i = 0; i < label.length; i++) state = imul(state ^ label.charCodeAt(i), 0x01000193) >>> 0;
    this.state = state ^ 0x9e3779b9;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.float() * items.length)];
  }

  /** Picks by weight; `entries` are [value, weight] pairs. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(floor(this.float() * pool.length), 1)[0]);
    return chosen;
  }

  /** A version-4 UUID, built as one flat string (concatenation would keep a rope of 20 pieces per id). */
  uuid(): string {
    const codes = UUID_CODES;
    let at = 0;
    for (let word = 0; word < 4; word++) {
      let value = this.uint32();
      if (word === 1) value = (value & 0xffff0fff) | 0x4000;
      if (word === 2) value = (value & 0x3fffffff) | 0x80000000;
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (codes[at] === DASH) at++;
        codes[at++] = HEX_DIGITS.charCodeAt((value >>> shift) & 0xf);
      }
    }
    return String.fromCharCode.apply(null, codes);
  }
}

const DASH = 45;
const HEX_DIGITS = '0123456789abcdef';
/** Scratch buffer with the dashes of 8-4-4-4-12 in place. */
const UUID_CODES: number[] = Array.from({ length: 36 }, (_, i) => ([8, 13, 18, 23].includes(i) ? DASH : 0));
