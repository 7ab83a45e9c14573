/**
 * Collects the checked features of one file into a ParsedLayer: gives each an id, keeps the
 * file's properties as one JSON string (so no property of the file can collide with the ids the
 * map uses), counts points, lines and polygons, and gathers warnings, listing the first ones and
 * counting the rest. A file with nothing drawable is refused.
 */
import type { Geometry } from 'geojson';
import { checkGeometry, extendBBox } from './geometry-checks.ts';
import { LIMITS } from './limits.ts';
import type { GeometryCounts, ImportFormat, ImportIssue, ImportOutcome } from './types.ts';

const KIND_WORDS: Record<keyof GeometryCounts, string> = {
	points: 'points',
	lines: 'lines',
	polygons: 'polygons'
};

export class LayerBuilder {
	private parts: string[] = [];
	private count = 0;
	private skipped = 0;
	private hiddenWarnings = 0;
	private readonly counts: GeometryCounts = { points: 0, lines: 0, polygons: 0 };
	private readonly box: [number, number, number, number] = [
		Infinity,
		Infinity,
		-Infinity,
		-Infinity
	];
	readonly warnings: ImportIssue[] = [];

	constructor(
		private readonly layerId: string,
		private readonly format: ImportFormat,
		/** What one item of the file is called in messages: "feature", "row", "Placemark". */
		private readonly noun: string
	) {}

	warn(where: string, message: string): void {
		if (this.warnings.length < LIMITS.maxListedWarnings) this.warnings.push({ where, message });
		else this.hiddenWarnings += 1;
	}

	/** Checks one geometry and keeps the feature, or leaves it out with a warning naming `where`. */
	add(geometry: unknown, properties: unknown, where: string | (() => string)): void {
		const place = () => (typeof where === 'string' ? where : where());
		const checked = checkGeometry(geometry);
		if (!checked.ok) {
			this.skipped += 1;
			this.warn(place(), `This ${this.noun} was left out: ${checked.reason}.`);
			return;
		}
		for (const note of checked.notes) this.warn(place(), `This ${this.noun} ${note}.`);
		this.keep(checked.geometry, checked.kinds, properties);
	}

	private keep(geometry: Geometry, kinds: Set<keyof GeometryCounts>, properties: unknown) {
		for (const kind of kinds) this.counts[kind] += 1;
		extendBBox(this.box, geometry);
		const props =
			properties && typeof properties === 'object' && !Array.isArray(properties) ? properties : {};
		const feature = {
			type: 'Feature',
			geometry,
			properties: {
				id: `${this.layerId}:${this.count}`,
				category: this.layerId,
				props: JSON.stringify(props)
			}
		};
		this.parts.push(JSON.stringify(feature));
		this.count += 1;
	}

	get size(): number {
		return this.count;
	}

	finish(): ImportOutcome {
		if (this.count === 0) {
			return {
				kind: 'refused',
				issues: [
					{
						where: 'the file',
						message:
							this.skipped > 0
								? `None of its ${this.skipped} ${this.noun}s could be drawn; the first problems are listed below.`
								: `It holds no ${this.noun}s with a location.`
					},
					...this.warnings
				]
			};
		}
		const summary: ImportIssue[] = [];
		if (this.skipped > 0) {
			summary.push({
				where: 'the file',
				message: `Left out ${this.skipped} of ${this.skipped + this.count} ${this.noun}s; the reasons are listed below.`
			});
		}
		const kinds = (Object.keys(this.counts) as Array<keyof GeometryCounts>).filter(
			(k) => this.counts[k] > 0
		);
		if (kinds.length > 1) {
			summary.push({
				where: 'the file',
				message: `It mixes ${kinds.map((k) => `${KIND_WORDS[k]} (${this.counts[k]})`).join(', ')}; each kind is drawn with its own symbol.`
			});
		}
		const tail: ImportIssue[] =
			this.hiddenWarnings > 0
				? [{ where: 'the file', message: `${this.hiddenWarnings} more warnings are not listed.` }]
				: [];
		const joined: string[] = [];
		this.parts.forEach((p, i) => {
			if (i > 0) joined.push(',');
			joined.push(p);
		});
		return {
			kind: 'layer',
			layer: {
				format: this.format,
				featureCount: this.count,
				counts: { ...this.counts },
				bbox: [...this.box],
				features: new Blob(joined, { type: 'application/json' })
			},
			warnings: [...summary, ...this.warnings, ...tail]
		};
	}
}
