/**
 * The validator under hostile input: nesting of any depth, files and rings over the stated
 * limits, bytes that are not UTF-8, and a scribbled ring with hundreds of thousands of
 * self-crossings. Every case must end in a located issue, never an exception or U+FFFD.
 */
import { kinks, polygon } from '@turf/turf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { readGeoDir } from '../../../src/lib/data/geo-files.server.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { firstSelfIntersection } from '../../../src/lib/data/rules/geometry-valid.ts';
import { LIMITS } from '../../../src/lib/data/source-file.ts';
import { validateGeoFiles } from '../../../src/lib/data/validate.ts';
import type { Position2 } from '../../../src/lib/data/rules/walk.ts';

const valid = readGeoDir('tests/fixtures/geo/valid');
const text = (key: string) => new TextDecoder().decode(valid[key] as Uint8Array);
const utf8 = (s: string) => new TextEncoder().encode(s);
const issuesOf = (key: string, content: string | Uint8Array) =>
	validateGeoFiles({ ...valid, [key]: content }).issues.map(formatIssue);

/** features.geojson with the first polygon's outer ring replaced. */
function withRing(ring: Position2[]): string {
	const fc = JSON.parse(text('features.geojson')) as {
		features: { geometry: { type: string; coordinates: unknown } | null }[];
	};
	const polygon = fc.features.find((f) => f.geometry?.type === 'Polygon')!;
	polygon.geometry!.coordinates = [ring];
	return JSON.stringify(fc);
}

function scribble(points: number, seed: number): Position2[] {
	const random = seededRandom(seed);
	const ring: Position2[] = Array.from({ length: points - 1 }, () => [
		36 + random(),
		51 + random()
	]);
	return [...ring, ring[0]!];
}

function circle(points: number): Position2[] {
	const ring: Position2[] = Array.from({ length: points - 1 }, (_, i) => {
		const a = (2 * Math.PI * i) / (points - 1);
		return [36 + Math.cos(a), 51 + Math.sin(a)];
	});
	return [...ring, ring[0]!];
}

afterEach(() => vi.restoreAllMocks());

describe('nesting', () => {
	it.each([6_000, 200_000])('%i nested brackets give a located json-syntax error', (depth) => {
		const claims = `{"claims": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
		const issues = issuesOf('claims.json', claims);
		expect(issues).toEqual([
			`geo/claims.json:1:${11 + LIMITS.depth}: json-syntax: Lists and objects are nested more than 64 levels deep here; the validator reads up to 64 (see geo/README.md), and no file of the data model needs more than about 10.`
		]);
	});

	it('brackets inside text do not count as nesting', () => {
		const claims = text('claims.json').replace('"The region."', `"${'['.repeat(100)}"`);
		expect(issuesOf('claims.json', claims)).toEqual([]);
	});
});

describe('size limits', () => {
	it('refuses a file over the limit with its size, as bytes or as text', () => {
		const big = `{"claims": [], "pad": "${'x'.repeat(LIMITS.fileBytes)}"}`;
		const expected = [
			'geo/claims.json:1:1: json-syntax: This file is 10.0 MB; the validator reads files of up to 10.0 MB (see geo/README.md). Split it or simplify its geometry.'
		];
		expect(issuesOf('claims.json', utf8(big))).toEqual(expected);
		expect(issuesOf('claims.json', big)).toEqual(expected);
	});

	it('refuses a ring over the limit without checking it further', () => {
		const issues = issuesOf('features.geojson', withRing(circle(LIMITS.ringPoints + 1)));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatch(
			/^geo\/features\.geojson:1:\d+: geometry-valid: In feature "region-zone", the outer ring has 20,001 points; the validator checks up to 20,000 per ring or line \(see geo\/README\.md\)\. Simplify it\.$/
		);
	});

	it('parses each file once: the tree parser only, no second JSON.parse', () => {
		const parse = vi.spyOn(JSON, 'parse');
		const { issues } = validateGeoFiles(valid);
		expect(issues).toEqual([]);
		expect(parse).not.toHaveBeenCalled();
	});
});

describe('self-intersection', () => {
	it('reports a scribbled 2,000-point ring once, at its first crossing', () => {
		const issues = issuesOf('features.geojson', withRing(scribble(2_000, 7)));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatch(
			/^geo\/features\.geojson:1:\d+: geometry-valid: In feature "region-zone", the polygon's edges cross each other at about \[[\d.]+, [\d.]+\]; a polygon's boundary must not cross itself\.$/
		);
	});

	it('stops at the first crossing: a fraction of what collecting them all with Turf kinks costs', () => {
		const ring = scribble(2_000, 7);
		const median = (f: () => void, runs: number) => {
			const times: number[] = [];
			for (let i = 0; i < runs; i++) {
				const t0 = performance.now();
				f();
				times.push(performance.now() - t0);
			}
			return times.sort((x, y) => x - y)[runs >> 1]!;
		};
		let all = 0;
		const everyCrossing = median(() => (all = kinks(polygon([ring])).features.length), 1);
		const first = median(() => firstSelfIntersection([ring]), 7);
		expect(all).toBeGreaterThan(100_000);
		expect(first * 20).toBeLessThan(everyCrossing);
	});

	it.each([
		[
			'a figure eight',
			[
				[0, 0],
				[2, 2],
				[2, 0],
				[0, 2],
				[0, 0]
			],
			{ at: [1, 1], ring: 0, edge: 0 }
		],
		[
			'a ring touching itself at a point',
			[
				[0, 0],
				[4, 0],
				[4, 4],
				[2, 0],
				[0, 4],
				[0, 0]
			],
			{ at: [2, 0], ring: 0, edge: 0 }
		],
		[
			'a ring folding back on itself',
			[
				[0, 0],
				[4, 0],
				[2, 0],
				[2, 2],
				[0, 0]
			],
			{ at: [2, 0], ring: 0, edge: 0 }
		]
	] as [string, Position2[], unknown][])('finds %s', (_, ring, expected) => {
		expect(firstSelfIntersection([ring])).toEqual(expected);
	});

	it('accepts a square with a hole, repeated points, and a hole touching nothing', () => {
		const outer: Position2[] = [
			[0, 0],
			[4, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 0]
		];
		const hole: Position2[] = [
			[1, 1],
			[1, 2],
			[2, 2],
			[2, 1],
			[1, 1]
		];
		expect(firstSelfIntersection([outer, hole])).toBeNull();
		const crossingHole: Position2[] = [
			[3, 1],
			[3, 2],
			[5, 2],
			[5, 1],
			[3, 1]
		];
		expect(firstSelfIntersection([outer, crossingHole])?.ring).toBe(0);
	});
});

describe('UTF-8', () => {
	it('reads Cyrillic and Hangul as they are', () => {
		const claimants = text('claimants.json').replace('Example ministry', 'Минобороны 국방부');
		expect(issuesOf('claimants.json', utf8(claimants))).toEqual([]);
	});

	it('reports a file cut off inside a character at that character', () => {
		const bytes = utf8(text('claimants.json'));
		const cut = bytes.subarray(0, bytes.length - 1);
		const withPartial = new Uint8Array([...cut, 0xe2, 0x82]);
		const issues = issuesOf('claimants.json', withPartial);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toContain(`the byte 0xE2 at byte offset ${cut.length}`);
	});

	it('never publishes U+FFFD for bytes that are not UTF-8', () => {
		const bytes = utf8(text('claimants.json').replace('Example ministry', 'Example ministXre'));
		bytes[bytes.indexOf(0x58)] = 0xe8;
		const { issues, dataset } = validateGeoFiles({ ...valid, 'claimants.json': bytes });
		expect(dataset).toBeNull();
		expect(issues.map((i) => i.rule)).toEqual(['json-syntax']);
	});
});
