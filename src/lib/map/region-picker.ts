/**
 * The editor's region map as an overlay: every admin-1 region a feature can be made of, drawn as
 * a zone, the picked ones hatched in a strong colour. Pure: the map follows through the same
 * composeOverlays and sync step as the atlas, so MapView stays the one owner of the map.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { OverlaySpec } from './kinds/registry.ts';
import { composeOverlays, type Overlay } from './overlays.ts';
import { CATEGORY_SYMBOLS } from './symbology.ts';
import type { Theme } from './theme.ts';

export interface RegionProps {
	iso_3166_2: string;
	name_en: string;
}

export type Regions = FeatureCollection<Polygon | MultiPolygon, RegionProps>;

export const REGION_OVERLAY = 'regions';
const PICKED = 'picked';
const REGION = 'region';

/** The region map's overlay; feature ids are ISO 3166-2 codes, so a click yields the code. */
export function regionPickerOverlay(
	regions: Regions,
	picked: readonly string[],
	theme: Theme
): Overlay {
	const on = new Set(picked);
	const spec: OverlaySpec = {
		id: REGION_OVERLAY,
		features: {
			type: 'FeatureCollection',
			features: regions.features.map((f) => ({
				type: 'Feature',
				geometry: f.geometry,
				properties: {
					id: f.properties.iso_3166_2,
					name: f.properties.name_en,
					category: on.has(f.properties.iso_3166_2) ? PICKED : REGION,
					// Solid outlines and the firmest hatch: a picked region is exactly that region.
					confidence: 'high',
					location_precision: 'admin1'
				}
			}))
		},
		entries: [
			{ key: REGION, kind: 'zone', name: 'Region', colour: theme.overlay.label },
			{
				key: PICKED,
				kind: 'zone',
				name: 'Picked',
				colour: theme.overlay.selection,
				hatch: CATEGORY_SYMBOLS.construction.hatch
			}
		],
		visible: new Set([REGION, PICKED])
	};
	return composeOverlays([spec], theme);
}
