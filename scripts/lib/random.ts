/**
 * A small seeded pseudo-random generator (mulberry32): the same sequence on every engine, so the
 * benchmark's synthetic data and the fuzz tests are the same on every run and a failure repeats.
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
