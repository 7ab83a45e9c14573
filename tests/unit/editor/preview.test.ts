/**
 * The preview applies the draft to the dataset the page has and checks it with the geo:check
 * rules: a valid draft feature is in the previewed dataset with its claim; an invalid draft is
 * not previewed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBasemap } from '../../../src/lib/data/derive/features.ts';
import { emptyDraft, type Draft } from '../../../src/lib/editor/draft.ts';
import { isStarted, previewDraft } from '../../../src/lib/editor/preview.ts';
import { siteGeo } from '../../../src/lib/data/site-geo.server.ts';

const dataset = siteGeo().dataset;

function polygonDraft(): Draft {
	const d = emptyDraft();
	Object.assign(d.document, {
		id: 'doc-preview',
		outlet: 'Preview Outlet',
		summary: 'A preview document.',
		gradeReason: 'Test.'
	});
	d.document.published.value = '2025-11-20';
	const c = d.claims[0]!;
	Object.assign(c, {
		id: 'preview-claim',
		statement: 'A preview claim.',
		claimant: 'nis',
		gradeReason: 'Test.',
		where: 'polygon',
		scopeKind: 'none',
		scopeWords: 'Moscow region',
		scope: 'Test scope.'
	});
	c.asOf.value = '2025-11-18';
	Object.assign(c.feature, {
		id: 'preview-polygon',
		name: 'Preview polygon',
		summary: 'Test.',
		locationNote: 'Drawn.',
		geojson: JSON.stringify({
			type: 'Polygon',
			coordinates: [
				[
					[37, 55],
					[38, 55],
					[38, 56],
					[37, 55]
				]
			]
		})
	});
	return d;
}

describe('previewDraft', () => {
	it('adds the draft feature with its claim to the dataset', () => {
		const r = previewDraft(dataset, polygonDraft());
		if (!r.ok) throw new Error(`draft not previewed: ${r.problems.join(' ')}`);
		expect(r.preview.featureIds).toEqual(['preview-polygon']);
		const f = r.preview.dataset.features.find((x) => x.id === 'preview-polygon');
		expect(f?.properties.claims).toEqual(['preview-claim']);
		expect(r.preview.dataset.features.length).toBe(dataset.features.length + 1);
	});

	it('does not preview a draft with errors', () => {
		const d = polygonDraft();
		d.document.id = 'doc-000';
		const r = previewDraft(dataset, d);
		expect(r.ok).toBe(false);
	});

	it('treats an untouched form as no draft', () => {
		expect(isStarted(emptyDraft())).toBe(false);
		expect(isStarted(polygonDraft())).toBe(true);
	});
});

describe('previewDraft with a recipe feature', () => {
	const basemap = parseBasemap(
		readFileSync('geo/basemap/admin1.geojson', 'utf8'),
		readFileSync('geo/basemap/places.geojson', 'utf8')
	);

	function regionsDraft(): Draft {
		const d = polygonDraft();
		const c = d.claims[0]!;
		Object.assign(c, { where: 'regions', scopeKind: 'regions' });
		Object.assign(c.feature, { id: 'preview-regions', regions: ['RU-KRS', 'RU-BEL'] });
		return d;
	}

	it('derives the regions the way geo:derive does', () => {
		const r = previewDraft(dataset, regionsDraft(), basemap);
		if (!r.ok) throw new Error(`draft not previewed: ${r.problems.join(' ')}`);
		const f = r.preview.dataset.features.find((x) => x.id === 'preview-regions');
		expect(f?.geometry?.type).toMatch(/Polygon/);
	});

	it('is not previewed without the basemap, the geometry being missing', () => {
		const r = previewDraft(dataset, regionsDraft());
		expect(r.ok).toBe(false);
	});
});
