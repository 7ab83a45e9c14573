/**
 * Scale-bar maths for MapLibre's Web Mercator maps.
 *
 * MapLibre lays the world out on 512-pixel tiles: at zoom z the world is 512 * 2^z CSS pixels
 * wide. It measures ground distance on a sphere of radius 6,371,008.8 m (its `earthRadius`),
 * so using the same radius here keeps the figure's scale bar in agreement with the on-screen
 * ScaleControl.
 *
 * Mercator stretches distances by 1 / cos(latitude), so a bar is only true at one latitude.
 * `scaleBarNote` says which, and warns when the frame spans latitudes whose scales differ a lot
 * (the two-theatre overview runs from about 35 to 77 degrees north: a factor of almost four).
 */

export {
	EARTH_CIRCUMFERENCE_M,
	EARTH_RADIUS_M,
	frameBounds,
	MAX_MERCATOR_LATITUDE,
	metersPerPixel,
	TILE_SIZE,
	type LngLatBounds
} from '../map/camera-math.ts';
import { clampLatitude } from '../map/camera-math.ts';

const RAD = Math.PI / 180;

export interface ScaleBar {
	/** A round distance: 1, 2 or 5 times a power of ten, in metres. */
	meters: number;
	/** Its length in device pixels. */
	widthPx: number;
	/** "500 km", "2 km", "200 m". */
	label: string;
	/** How many alternating segments to draw: 2 for 1 or 2 units, 5 for 5 units. */
	segments: number;
}

function groupThousands(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "500 km" for 500,000 m, "200 m" below a kilometre. Thousands grouped with commas. */
export function formatDistance(meters: number): string {
	return meters >= 1000 ? `${groupThousands(meters / 1000)} km` : `${groupThousands(meters)} m`;
}

/**
 * The longest round distance (1, 2 or 5 x 10^n metres, at least 1 m) whose bar fits in
 * `maxWidthPx`, or null when not even 1 m fits or the inputs are not positive numbers.
 */
export function scaleBar(metersPerPx: number, maxWidthPx: number): ScaleBar | null {
	if (!(metersPerPx > 0) || !(maxWidthPx > 0) || !Number.isFinite(metersPerPx)) return null;
	// The tolerance keeps an exact fit (1,000 m in exactly the width) from losing to rounding.
	const maxMeters = metersPerPx * maxWidthPx * (1 + 1e-9);
	if (maxMeters < 1) return null;
	const power = 10 ** Math.floor(Math.log10(maxMeters));
	const multiple = [5, 2, 1].find((m) => m * power <= maxMeters) ?? 1;
	const meters = multiple * power;
	return {
		meters,
		widthPx: meters / metersPerPx,
		label: formatDistance(meters),
		segments: multiple === 5 ? 5 : 2
	};
}

function formatLatitude(latitude: number): string {
	const rounded = Math.round(latitude);
	if (rounded === 0) return '0°';
	return `${Math.abs(rounded)}° ${rounded > 0 ? 'N' : 'S'}`;
}

/**
 * How much the Mercator scale differs across a frame: the ratio of the largest to the smallest
 * scale between two latitudes (1 means the same everywhere).
 */
export function scaleVariation(south: number, north: number): number {
	const nearest = south <= 0 && north >= 0 ? 0 : Math.min(Math.abs(south), Math.abs(north));
	const farthest = Math.max(Math.abs(clampLatitude(south)), Math.abs(clampLatitude(north)));
	return Math.cos(nearest * RAD) / Math.cos(farthest * RAD);
}

/** Above this ratio the note warns that the bar is wrong away from its latitude. */
export const SCALE_VARIATION_WARNING = 1.1;

/**
 * Words under the scale bar: "true at 52° N", plus a warning when the frame's scale varies by
 * more than 10% from edge to edge.
 */
export function scaleBarNote(latitude: number, south: number, north: number): string {
	const at = `true at ${formatLatitude(latitude)}`;
	return scaleVariation(south, north) > SCALE_VARIATION_WARNING
		? `${at} only; scale varies across the map`
		: at;
}
