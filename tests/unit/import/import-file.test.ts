import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/import/parse.ts';
import type { ImportOutcome } from '../../../src/lib/import/types.ts';

const FIXTURES = 'tests/fixtures/import';

function run(path: string, columns?: { lat: string; lon: string }): Promise<ImportOutcome> {
	const name = path.split('/').pop()!;
	const file = new Blob([readFileSync(`${FIXTURES}/${path}`)]);
	return importFile({ file, name, layerId: 'L1', ...(columns ? { columns } : {}) });
}

async function layer(path: string, columns?: { lat: string; lon: string }) {
	const outcome = await run(path, columns);
	if (outcome.kind !== 'layer') throw new Error(`expected a layer, got ${JSON.stringify(outcome)}`);
	const text = await outcome.layer.features.text();
	const features = JSON.parse(`[${text}]`) as Array<{
		geometry: { type: string; coordinates: unknown };
		properties: { id: string; category: string; props: string };
	}>;
	return { ...outcome, features };
}

async function refusal(path: string) {
	const outcome = await run(path);
	if (outcome.kind !== 'refused') throw new Error(`expected a refusal, got ${outcome.kind}`);
	return outcome.issues;
}

describe('GeoJSON import', () => {
	it('reads a FeatureCollection of a point, a line and a polygon, keeping properties as text', async () => {
		const { layer: l, features, warnings } = await layer('valid/training-grounds.geojson');
		expect(l.counts).toEqual({ points: 1, lines: 1, polygons: 1 });
		expect(l.bbox).toEqual([35, 51, 36.2, 51.7]);
		expect(features.map((f) => f.properties.id)).toEqual(['L1:0', 'L1:1', 'L1:2']);
		expect(features.every((f) => f.properties.category === 'L1')).toBe(true);
		expect(JSON.parse(features[0]!.properties.props)).toMatchObject({
			note: '<img src=x onerror=alert(1)>'
		});
		expect(warnings.map((w) => w.message)).toEqual([
			'It mixes points (1), lines (1), polygons (1); each kind is drawn with its own symbol.'
		]);
	});

	it('reads a single Feature and a bare geometry', async () => {
		expect((await layer('valid/single-feature.geojson')).layer.counts.points).toBe(1);
		const bare = await layer('valid/bare-geometry.geojson');
		expect(bare.features[0]!.geometry.type).toBe('LineString');
		expect(bare.warnings).toEqual([]);
	});

	it('cuts a polygon that crosses 180 degrees into parts on either side, with a warning', async () => {
		const { features, warnings, layer: l } = await layer('valid/chukotka-crossing.geojson');
		expect(features[0]!.geometry.type).toBe('MultiPolygon');
		expect(l.bbox[0]).toBe(-180);
		expect(l.bbox[2]).toBe(180);
		expect(warnings).toEqual([
			{
				where: 'line 4, column 5 (feature 1)',
				message:
					'This feature crosses 180° longitude; it was cut there, so it is not drawn across the whole map.'
			}
		]);
	});

	it('leaves out features out of range, without geometry or empty, and says where each is', async () => {
		const { warnings, layer: l } = await layer('valid/some-bad-features.geojson');
		expect(l.featureCount).toBe(1);
		expect(warnings).toEqual([
			{ where: 'the file', message: 'Left out 3 of 4 features; the reasons are listed below.' },
			{
				where: 'line 5, column 5 (feature 2)',
				message: 'This feature was left out: the longitude 200 is outside -180 to 180.'
			},
			{
				where: 'line 6, column 5 (feature 3)',
				message: 'This feature was left out: it has no geometry.'
			},
			{
				where: 'line 7, column 5 (feature 4)',
				message: 'This feature was left out: the MultiPolygon is empty (no coordinates).'
			}
		]);
	});

	it('refuses broken JSON with the line and column of the problem', async () => {
		const [issue] = await refusal('refused/broken-syntax.geojson');
		expect(issue!.where).toBe('line 4, column 101');
		expect(issue!.message).toMatch(/^This is not valid JSON: /);
	});

	it('refuses JSON that is not GeoJSON, naming the type it found', async () => {
		expect(await refusal('refused/not-geojson.json')).toEqual([
			{
				where: 'the file',
				message:
					'The top-level "type" is "Topology": GeoJSON needs "FeatureCollection", "Feature" or a geometry type.'
			}
		]);
	});

	it('refuses nesting deeper than the stated limit', async () => {
		const [issue] = await refusal('refused/too-deep.geojson');
		expect(issue!.where).toBe('line 1, column 94');
		expect(issue!.message).toMatch(/nested more than 64 deep/);
	});

	it('refuses a file in which no feature can be drawn, listing why', async () => {
		const issues = await refusal('refused/all-out-of-range.geojson');
		expect(issues[1]!.message).toBe(
			'This feature was left out: the latitude 151.7 is outside -90 to 90 (are latitude and longitude swapped?).'
		);
	});
});

describe('files that are not what their name says', () => {
	it('refuses an empty file', async () => {
		expect((await refusal('refused/empty.geojson'))[0]!.message).toBe(
			'The file is empty (0 bytes).'
		);
	});

	it('refuses a PNG renamed .geojson', async () => {
		expect((await refusal('refused/picture.geojson'))[0]!.message).toMatch(
			/^"picture.geojson" is a PNG image, not a GeoJSON, KML, GPX or CSV file/
		);
	});

	it('refuses a ZIP archive without unpacking it', async () => {
		expect((await refusal('refused/archive.kml'))[0]!.message).toMatch(
			/is a ZIP archive .* does not unpack archives/
		);
	});

	it('refuses text that is not UTF-8', async () => {
		expect((await refusal('refused/latin1.csv'))[0]!.message).toMatch(/is not UTF-8 text/);
	});

	it('refuses JSON named .csv', async () => {
		expect((await refusal('refused/json-named-csv.csv'))[0]!.message).toMatch(
			/named as CSV but its content starts like JSON/
		);
	});

	it('refuses a file larger than the limit before reading it', async () => {
		const file = { size: 300 * 1024 * 1024 } as Blob;
		const outcome = await importFile({ file, name: 'huge.geojson', layerId: 'L1' });
		expect(outcome).toEqual({
			kind: 'refused',
			issues: [
				{
					where: 'the file',
					message: '"huge.geojson" is 300.0 MB; the atlas imports files up to 200.0 MB.'
				}
			]
		});
	});
});

describe('KML and GPX import', () => {
	it('converts Placemarks and names the element of one that was left out', async () => {
		const { features, warnings } = await layer('valid/sites.kml');
		expect(features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
		expect(JSON.parse(features[0]!.properties.props)).toMatchObject({ name: 'Construction site' });
		expect(warnings).toContainEqual({
			where: '<Placemark> "Bad point" at line 14',
			message: 'This Placemark was left out: the latitude 148.48 is outside -90 to 90.'
		});
	});

	it('converts GPX tracks and waypoints', async () => {
		const { layer: l } = await layer('valid/track.gpx');
		expect(l.format).toBe('gpx');
		expect(l.counts).toEqual({ points: 1, lines: 1, polygons: 0 });
	});

	it('refuses malformed XML with its line and column', async () => {
		expect(await refusal('refused/malformed.kml')).toEqual([
			{
				where: 'line 4, column 37',
				message:
					'This is not well-formed XML: Opening and ending tag mismatch: "Placemark" != "Document".'
			}
		]);
	});

	it('refuses entity declarations (billion laughs) before parsing', async () => {
		expect((await refusal('refused/entities.kml'))[0]).toMatchObject({ where: 'line 2' });
	});

	it('refuses XML whose root is not <kml>', async () => {
		expect((await refusal('refused/not-kml.kml'))[0]!.message).toMatch(
			/root element is <svg>, not <kml>/
		);
	});
});

describe('CSV import', () => {
	it('finds latitude and longitude columns by name and names each row left out', async () => {
		const { features, warnings } = await layer('valid/labour-sites.csv');
		expect(features.map((f) => f.geometry.coordinates)).toEqual([
			[135.07, 48.48],
			[131.89, 43.11]
		]);
		expect(JSON.parse(features[1]!.properties.props)).toEqual({
			name: 'Site two',
			workers: '1,200'
		});
		expect(warnings).toContainEqual({
			where: 'row 4',
			message: 'This row was left out: its Latitude "not known" is not a number.'
		});
	});

	it('asks for the columns when their names do not say, then uses the chosen ones', async () => {
		expect(await run('valid/custom-columns.csv')).toEqual({
			kind: 'choose-columns',
			columns: ['site', 'north', 'east'],
			guess: {}
		});
		const { features } = await layer('valid/custom-columns.csv', { lat: 'north', lon: 'east' });
		// Semicolon-separated files write decimals with a comma.
		expect(features[0]!.geometry.coordinates).toEqual([131.89, 43.11]);
	});

	it('refuses a file without a header of at least two columns', async () => {
		expect((await refusal('refused/no-columns.csv'))[0]!.where).toBe('row 1');
	});
});
