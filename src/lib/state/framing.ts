/**
 * Framing a subject on a map of any size. A briefing step stores a camera (centre and zoom)
 * written on a desk; on a phone the same camera shows a sliver of it, or nothing, once panels
 * cover part of the map. So a stored camera is turned into the ground it shows at a reference
 * desk viewport (its subject bounds), and on any other map those bounds are fitted into the part
 * of the map that no panel covers.
 *
 * Plain Web Mercator arithmetic on MapLibre's 512-pixel world (no DOM, no MapLibre), so it is
 * unit tested and the map only receives the resulting centre and zoom.
 */
import type { Camera } from './camera.ts';

export interface Size {
	width: number;
	height: number;
}

/** CSS pixels at each edge of the map that panels cover. */
export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** South-west and north-east corners; east may exceed 180 to cross the antimeridian. */
export type Bounds = [[number, number], [number, number]];

/** MapLibre's tile size: at zoom z the world is 512 * 2^z CSS pixels wide. */
const WORLD_TILE = 512;
const MAX_LATITUDE = 85.051129;
const RAD = Math.PI / 180;

/**
 * The desk a briefing step's camera is written for: a laptop window in presentation mode, with
 * the presentation bar over the top of the map and the caption over the bottom. On that desk a
 * fitted step shows exactly its stored camera.
 */
export const DESK_VIEWPORT: Size = { width: 1280, height: 800 };
export const DESK_BRIEFING_PADDING: Padding = { top: 72, right: 0, bottom: 120, left: 0 };

export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

function mercatorX(lon: number): number {
	return (lon + 180) / 360;
}

function mercatorY(lat: number): number {
	const phi = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * RAD;
	return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

function lonOf(x: number): number {
	return x * 360 - 180;
}

function latOf(y: number): number {
	return (2 * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - Math.PI / 2) / RAD;
}

/** Longitude wrapped into [-180, 180), as a link and MapLibre's centre expect it. */
function wrapLon(lon: number): number {
	return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * Padding that leaves at least `minShare` of the map's width and height uncovered. Panels on a
 * small screen can add up to more than the map (MapLibre then refuses to fit and leaves the camera
 * where it was, which is how a phone ended up looking at the Atlantic); scaling each axis's
 * padding down keeps the panels' proportions and always leaves room for the subject.
 */
export function safePadding(padding: Padding, size: Size, minShare = 0.4): Padding {
	const axis = (a: number, b: number, length: number): [number, number] => {
		const lo = Math.max(0, a);
		const hi = Math.max(0, b);
		const allowed = Math.max(0, length * (1 - minShare));
		const scale = lo + hi > allowed ? allowed / (lo + hi) : 1;
		return [lo * scale, hi * scale];
	};
	const [left, right] = axis(padding.left, padding.right, size.width);
	const [top, bottom] = axis(padding.top, padding.bottom, size.height);
	return { top, right, bottom, left };
}

/**
 * The ground a north-up camera shows in the uncovered part of a map of `size` CSS pixels: the
 * subject of a camera written for that map and those panels.
 */
export function cameraBounds(camera: Camera, size: Size, padding: Padding = NO_PADDING): Bounds {
	const world = WORLD_TILE * 2 ** camera.zoom;
	const cx = mercatorX(camera.center[0]);
	const cy = mercatorY(camera.center[1]);
	const x = (px: number) => cx + (px - size.width / 2) / world;
	const y = (px: number) => Math.max(0, Math.min(1, cy + (px - size.height / 2) / world));
	return [
		[lonOf(x(padding.left)), latOf(y(size.height - padding.bottom))],
		[lonOf(x(size.width - padding.right)), latOf(y(padding.top))]
	];
}

/**
 * The camera that fits `bounds` into the part of a map of `size` that `padding` leaves uncovered,
 * centred there, with the zoom clamped to [minZoom, maxZoom]. Padding that leaves too little of
 * the map is scaled down first (see safePadding).
 */
export function fitCamera(
	bounds: Bounds,
	size: Size,
	padding: Padding = NO_PADDING,
	{ minZoom = 0, maxZoom = 22 }: { minZoom?: number; maxZoom?: number } = {}
): Camera {
	const pad = safePadding(padding, size);
	const [[west, south], [east, north]] = bounds;
	const x0 = mercatorX(west);
	const x1 = mercatorX(east < west ? east + 360 : east);
	const y0 = mercatorY(north);
	const y1 = mercatorY(south);
	const inner = {
		width: Math.max(1, size.width - pad.left - pad.right),
		height: Math.max(1, size.height - pad.top - pad.bottom)
	};
	// World units per pixel the subject needs on each axis; the larger one decides.
	const spanX = Math.max(x1 - x0, 1e-9);
	const spanY = Math.max(y1 - y0, 1e-9);
	const fit = Math.log2(Math.min(inner.width / spanX, inner.height / spanY) / WORLD_TILE);
	const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
	const world = WORLD_TILE * 2 ** zoom;
	// The subject's middle goes to the middle of the uncovered area, not of the whole map.
	const cx = (x0 + x1) / 2 - (pad.left - pad.right) / 2 / world;
	const cy = (y0 + y1) / 2 - (pad.top - pad.bottom) / 2 / world;
	return { center: [wrapLon(lonOf(cx)), latOf(Math.max(0, Math.min(1, cy)))], zoom };
}

/**
 * Where a stored camera (a briefing step's) should put the map: the ground it shows on the
 * reference desk, fitted into this map. Bearing and pitch are kept; the zoom never goes past the
 * stored one, so a large screen shows more around the subject rather than a closer crop.
 */
export function reframe(
	camera: Camera,
	size: Size,
	padding: Padding,
	reference: { size: Size; padding: Padding } = {
		size: DESK_VIEWPORT,
		padding: DESK_BRIEFING_PADDING
	},
	minZoom = 0
): Camera {
	const subject = cameraBounds(camera, reference.size, reference.padding);
	const fitted = fitCamera(subject, size, padding, { minZoom, maxZoom: camera.zoom });
	return {
		...fitted,
		...(camera.bearing ? { bearing: camera.bearing } : {}),
		...(camera.pitch ? { pitch: camera.pitch } : {})
	};
}
