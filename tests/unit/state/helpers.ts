/**
 * Builders for small synthetic datasets, and a MapLibre evaluator for the time expressions.
 * Every builder returns a fresh object: tests never share mutable fixtures.
 */
import {
	createExpression,
	featureFilter,
	latest,
	type ExpressionFilterSpecification,
	type ExpressionSpecification,
	type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';
import { dayNumber } from '../../../src/lib/data/dates.ts';
import type { MapFeatureProperties } from '../../../src/lib/data/map-features.ts';
import type {
	CategoryId,
	Claim,
	Dataset,
	DatePrec,
	DeploymentFeature,
	Document,
	Figure
} from '../../../src/lib/data/schema.ts';

/** Day number of "YYYY-MM-DD"; throws on a typo in a test. */
export function day(iso: string): number {
	const n = dayNumber(iso);
	if (n === null) throw new Error(`bad test date ${iso}`);
	return n;
}

/** A date whose precision follows its value: "2025-11-04", "2025-11", "2025", or null (unknown). */
export function date(
	value: string | null,
	bounds: { earliest?: string; latest?: string } = {}
): DatePrec {
	const precision =
		value === null
			? 'unknown'
			: value.length === 10
				? 'day'
				: value.length === 7
					? 'month'
					: 'year';
	return {
		value,
		precision,
		resolution: value === null ? 'unresolved' : 'stated',
		...bounds,
		...(value === null ? { note: 'Test date.' } : {})
	};
}

export function doc(id: string, published: DatePrec): Document {
	return {
		id,
		outlet: `Outlet ${id}`,
		byline: null,
		title: null,
		summary: 'A test document.',
		published,
		url: null,
		corpus_ref: null,
		language: 'en',
		kind: 'press',
		reliability: { grade: 'C', reason: 'Test.' },
		cites: []
	};
}

export function claim(
	id: string,
	options: {
		claimant?: string;
		documents?: string[];
		grade?: number;
		figure?: Figure | null;
		kind?: Claim['kind'];
		asOf?: DatePrec;
	} = {}
): Claim {
	return {
		id,
		statement: `Claim ${id}.`,
		kind: options.kind ?? 'deployment',
		basis: 'report',
		claimant: options.claimant ?? 'alpha',
		via: null,
		documents: options.documents ?? ['doc-a'],
		figure: options.figure ?? null,
		scope: { kind: 'none', words: null, note: 'Test scope.' },
		as_of: options.asOf ?? date('2025'),
		credibility: { grade: options.grade ?? 2, reason: 'Test.' },
		status: 'reported',
		disputed_by: []
	};
}

export function feature(
	id: string,
	options: {
		category?: CategoryId;
		start: DatePrec;
		end?: DatePrec | null;
		seen: DatePrec;
		claims?: string[];
		located?: boolean;
	}
): DeploymentFeature {
	return {
		type: 'Feature',
		id,
		properties: {
			name: `Feature ${id}`,
			category: options.category ?? 'combat',
			summary: 'A test feature.',
			presence: { start: options.start, end: options.end ?? null, last_corroborated: options.seen },
			location_precision: 'region',
			location_basis: 'stated',
			location_note: 'Test.',
			geometry_provenance: { method: 'none', reason: 'Test.' },
			claims: options.claims ?? []
		},
		geometry: options.located === false ? null : { type: 'Point', coordinates: [36, 51] }
	};
}

export function dataset(parts: Partial<Dataset>): Dataset {
	const claimants = new Set((parts.claims ?? []).map((c) => c.claimant));
	return {
		documents: parts.documents ?? [],
		claimants:
			parts.claimants ??
			[...claimants].map((id) => ({ id, name: `Claimant ${id}`, kind: 'press', country: null })),
		claims: parts.claims ?? [],
		features: parts.features ?? [],
		briefings: parts.briefings ?? []
	};
}

/** MapLibre's own filter evaluator for a filter, compiled once for many features. */
export function compileFilter(
	filter: ExpressionFilterSpecification
): (props: MapFeatureProperties) => boolean {
	const compiled = featureFilter(filter, 'layers[0].filter');
	return (props) => compiled.filter({ zoom: 5 }, { type: 3, properties: props });
}

/** Whether MapLibre's own filter evaluator keeps a feature with these properties. */
export function mapKeeps(
	filter: ExpressionFilterSpecification,
	props: MapFeatureProperties
): boolean {
	return compileFilter(filter)(props);
}

const FILL_OPACITY = latest.paint_fill['fill-opacity'] as StylePropertySpecification;

/** A fill-opacity value as MapLibre computes it, compiled once for many features. */
export function compileOpacity(
	value: ExpressionSpecification | number
): (props: MapFeatureProperties) => number {
	if (typeof value === 'number') return () => value;
	const compiled = createExpression(value, 'layers[0].paint.fill-opacity', FILL_OPACITY);
	if (compiled.result !== 'success') {
		throw new Error(compiled.value.map((e) => e.message).join('; '));
	}
	const expression = compiled.value;
	return (props) => {
		const out: unknown = expression.evaluate({ zoom: 5 }, { type: 3, properties: props });
		if (typeof out !== 'number') throw new Error(`opacity evaluated to ${String(out)}`);
		return out;
	};
}

/** A fill-opacity value as MapLibre computes it for a feature with these properties. */
export function mapOpacity(
	value: ExpressionSpecification | number,
	props: MapFeatureProperties
): number {
	return compileOpacity(value)(props);
}

/** A small seeded PRNG, so random tests fail the same way twice. */
export { seededRandom as prng } from '../../../scripts/lib/random.ts';

export function pick<T>(random: () => number, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick from an empty list');
	return item;
}
