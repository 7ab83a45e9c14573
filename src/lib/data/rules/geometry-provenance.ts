/**
 * geometry-provenance: the geometry must be what its recipe says it is (a region is a polygon, a
 * flow a line, a place a point, an unlocated event nothing), and a recipe with no geometry yet
 * means geo:derive has not been run.
 */
import type { GeometryMethod } from '../schema.ts';
import type { Finding, Rule } from './types.ts';

const EXPECTED: Record<GeometryMethod, { types: string[]; words: string }> = {
	admin1: { types: ['Polygon', 'MultiPolygon'], words: 'a Polygon or MultiPolygon' },
	'admin1-union': { types: ['Polygon', 'MultiPolygon'], words: 'a Polygon or MultiPolygon' },
	'buffer-inside-border': {
		types: ['Polygon', 'MultiPolygon'],
		words: 'a Polygon or MultiPolygon'
	},
	'great-circle': {
		types: ['LineString', 'MultiLineString'],
		words: 'a LineString or MultiLineString'
	},
	place: { types: ['Point'], words: 'a Point' },
	'admin1-label': { types: ['Point'], words: 'a Point' },
	none: { types: [], words: 'null' },
	'admin1-set': { types: ['Polygon', 'MultiPolygon'], words: 'a Polygon or MultiPolygon' },
	drawn: { types: ['Polygon', 'MultiPolygon'], words: 'a Polygon or MultiPolygon' }
};

export const geometryProvenance: Rule = {
	id: 'geometry-provenance',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const f of model.features) {
			const { id, geometry, properties } = f.value;
			const method = properties.geometry_provenance.method;
			const expected = EXPECTED[method];
			const geometryPath = [...f.path, 'geometry'];
			if (method === 'none') {
				if (geometry !== null) {
					findings.push({
						source: f.source,
						path: geometryPath,
						message: `Feature "${id}" has geometry method "none" but carries a ${geometry.type}; set the geometry to null or give it a recipe.`
					});
				}
			} else if (geometry === null) {
				findings.push({
					source: f.source,
					path: geometryPath,
					message: `Feature "${id}" has a "${method}" recipe but no geometry yet; run npm run geo:derive.`
				});
			} else if (!expected.types.includes(geometry.type)) {
				findings.push({
					source: f.source,
					path: geometryPath,
					message: `Feature "${id}" has method "${method}", so its geometry must be ${expected.words}, not a ${geometry.type}; run npm run geo:derive.`
				});
			}
			const precision = properties.location_precision;
			if ((method === 'none') !== (precision === 'not-located')) {
				findings.push({
					source: f.source,
					path: [...f.path, 'properties', 'location_precision'],
					message:
						method === 'none'
							? `Feature "${id}" has no geometry (method "none"), so its location_precision must be "not-located", not "${precision}".`
							: `Feature "${id}" has location_precision "not-located" but a "${method}" geometry; choose the precision the geometry has.`
				});
			}
			if (method === 'great-circle' && precision !== 'schematic') {
				findings.push({
					source: f.source,
					path: [...f.path, 'properties', 'location_precision'],
					message: `Feature "${id}" is a great-circle flow, which shows a movement and not a route, so its location_precision must be "schematic", not "${precision}".`
				});
			}
		}
		return findings;
	}
};
