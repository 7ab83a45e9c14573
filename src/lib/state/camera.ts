/**
 * Camera positions as text, in the `zoom/latitude/longitude[/bearing[/pitch]]` order MapLibre's
 * own hash uses (e.g. `6.5/51.73/36.19`). Parsing never throws: anything malformed gives `null`.
 *
 * Text is rounded to what a link needs (zoom to 0.01, latitude and longitude to 0.0001 degrees,
 * about 11 m; bearing and pitch to 0.1 degrees) and written without trailing zeros, so links
 * stay short and a camera already at that precision survives a round trip exactly.
 */
export interface Camera {
	/** [longitude, latitude], longitude in [-180, 180). */
	center: [number, number];
	zoom: number;
	/** Degrees clockwise from north, in [-180, 180); absent means 0. */
	bearing?: number;
	/** Degrees from vertical, 0-85; absent means 0. */
	pitch?: number;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Wraps an angle in degrees into [-180, 180). */
function wrap180(degrees: number): number {
	return degrees >= -180 && degrees < 180 ? degrees : ((((degrees + 180) % 360) + 360) % 360) - 180;
}

/** Rounded to `digits` decimals, with -0 read as 0 so equal cameras compare equal. */
function round(value: number, digits: number): number {
	const r = Number(value.toFixed(digits));
	return r === 0 ? 0 : r;
}

export function parseCamera(text: string): Camera | null {
	const parts = text.split('/');
	if (parts.length < 3 || parts.length > 5 || !parts.every((p) => NUMBER.test(p))) return null;
	const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map(Number) as [
		number,
		number,
		number,
		number?,
		number?
	];
	if (zoom < 0 || zoom > 24 || lat < -85.06 || lat > 85.06 || lon < -540 || lon > 540) return null;
	if (bearing < -360 || bearing > 360 || pitch < 0 || pitch > 85) return null;
	// Longitudes beyond the antimeridian are allowed in and normalised to [-180, 180).
	const camera: Camera = {
		zoom: round(zoom, 2),
		center: [round(wrap180(round(lon, 4)), 4), round(lat, 4)]
	};
	const b = round(wrap180(round(bearing, 1)), 1);
	const p = round(pitch, 1);
	if (b !== 0) camera.bearing = b;
	if (p !== 0) camera.pitch = p;
	return camera;
}

export function formatCamera(camera: Camera): string {
	const [lon, lat] = camera.center;
	const parts = [round(camera.zoom, 2), round(lat, 4), round(wrap180(round(lon, 4)), 4)];
	const bearing = round(wrap180(round(camera.bearing ?? 0, 1)), 1);
	const pitch = round(camera.pitch ?? 0, 1);
	if (bearing !== 0 || pitch !== 0) parts.push(bearing);
	if (pitch !== 0) parts.push(pitch);
	return parts.map(String).join('/');
}
