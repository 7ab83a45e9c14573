/**
 * Statistics shared by the benchmarks. Benchmarks report ratios against a reference measured in
 * the same run; absolute times on this machine (software WebGL) mean little. They start Chromium
 * with ../lib/chromium.ts and serve pages with ../lib/local-site.ts.
 */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmt(n: number, digits = 1): string {
	return n.toFixed(digits);
}
