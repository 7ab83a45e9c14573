/**
 * Camera maths for MapLibre's Web Mercator maps, shared by the live map's state (briefing steps)
 * and the exporter: metres per pixel, the ground a frame shows, and the zoom that keeps an
 * extent when the frame changes size. No DOM, no MapLibre: plain arithmetic, unit tested.
 *
 * MapLibre lays the world out on 512-pixel tiles: at zoom z the world is 512 * 2^z CSS pixels
 * wide, and it measures ground distance on a sphere of radius 6,371,008.8 m (its `earthRadius`).
 */

/** MapLibre's sphere radius, in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
export const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * EARTH_RADIUS_M;
/** MapLibre's tile size in CSS pixels. */
export const TILE_SIZE = 512;
/** Web Mercator's latitude limit, where the projected world is square. */
export const MAX_MERCATOR_LATITUDE = 85.051129;

const RAD = Math.PI / 180;

export function clampLatitude(latitude: number): number {
	return Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, latitude));
}

/**
 * Ground metres covered by one device pixel at a latitude and zoom. `pixelRatio` is device pixels
 * per CSS pixel: rendering at pixelRatio 2 halves the metres per pixel.
 */
export function metersPerPixel(latitude: number, zoom: number, pixelRatio = 1): number {
	const worldPx = TILE_SIZE * 2 ** zoom * pixelRatio;
	return (EARTH_CIRCUMFERENCE_M * Math.cos(clampLatitude(latitude) * RAD)) / worldPx;
}

/**
 * The least zoom a map of this width (CSS pixels) may show: where the world is as wide as the
 * map, so zooming out never shows the world twice side by side; never below 0. A phone's narrow
 * map may so zoom out further than a desk's and still frame both theatres with room for their
 * labels.
 */
export function minZoomForWidth(width: number): number {
	if (!(width > 0)) return 0;
	return Math.max(0, Math.log2(width / TILE_SIZE));
}

export interface LngLatBounds {
	/** May be below -180 or above 180 when the frame crosses the antimeridian. */
	west: number;
	south: number;
	east: number;
	north: number;
}

function mercatorY(latitude: number): number {
	const phi = clampLatitude(latitude) * RAD;
	return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

function latitudeFromMercatorY(y: number): number {
	return (2 * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - Math.PI / 2) / RAD;
}

/**
 * What a north-up map of `width` x `height` CSS pixels shows around `center` at `zoom`. Used to
 * say where the scale bar is true, and to check that a briefing camera frames its features.
 */
export function frameBounds(
	center: readonly [number, number],
	zoom: number,
	width: number,
	height: number
): LngLatBounds {
	const worldPx = TILE_SIZE * 2 ** zoom;
	const halfLon = (width / 2 / worldPx) * 360;
	const cy = mercatorY(center[1]);
	const halfY = height / 2 / worldPx;
	return {
		west: center[0] - halfLon,
		east: center[0] + halfLon,
		north: latitudeFromMercatorY(Math.max(0, cy - halfY)),
		south: latitudeFromMercatorY(Math.min(1, cy + halfY))
	};
}

/**
 * The zoom that shows at least the same ground extent in a map of `to` CSS pixels as `zoom`
 * shows in `from`: how an export keeps "the current view" when its frame has another size.
 */
export function zoomToKeepExtent(
	zoom: number,
	from: { width: number; height: number },
	to: { width: number; height: number }
): number {
	return zoom + Math.log2(Math.min(to.width / from.width, to.height / from.height));
}

const MERCATOR_WORLD = (zoom: number) => TILE_SIZE * 2 ** zoom;

function mercatorX(longitude: number): number {
	return (longitude + 180) / 360;
}

/**
 * Where a point falls on a north-up map of `width` x `height` CSS pixels around `center` at
 * `zoom`, in CSS pixels from the top left; the longitude is taken on the side of the centre
 * nearer to it, so frames across the antimeridian work.
 */
export function projectToFrame(
	point: readonly [number, number],
	center: readonly [number, number],
	zoom: number,
	width: number,
	height: number
): { x: number; y: number } {
	const world = MERCATOR_WORLD(zoom);
	const dLon = ((((point[0] - center[0]) % 360) + 540) % 360) - 180;
	return {
		x: width / 2 + mercatorX(center[0] + dLon) * world - mercatorX(center[0]) * world,
		y: height / 2 + (mercatorY(point[1]) - mercatorY(center[1])) * world
	};
}

/** The inverse of projectToFrame. */
export function unprojectFromFrame(
	at: { x: number; y: number },
	center: readonly [number, number],
	zoom: number,
	width: number,
	height: number
): [number, number] {
	const world = MERCATOR_WORLD(zoom);
	const longitude = center[0] + ((at.x - width / 2) / world) * 360;
	const latitude = latitudeFromMercatorY(mercatorY(center[1]) + (at.y - height / 2) / world);
	return [longitude, latitude];
}
