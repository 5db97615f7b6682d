// A small seeded PRNG (mulberry32) so trigger jitter, cache eviction and UUIDs are reproducible from `seed`.

// Bound once: under Jest each global lookup (`Math`) in a hot loop goes through the vm context's global, ~20x slower.
const { imul, floor } = Math;

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }
}
