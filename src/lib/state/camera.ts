/**
 * Camera positions as text, in the `zoom/latitude/longitude` order MapLibre's own hash uses
 * (e.g. `6.5/51.73/36.19`). Parsing never throws: anything malformed gives `null`.
 */
export interface Camera {
	center: [number, number];
	zoom: number;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function parseCamera(text: string): Camera | null {
	const parts = text.split('/');
	if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) return null;
	const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
	if (zoom < 0 || zoom > 24 || lat < -85.06 || lat > 85.06 || lon < -540 || lon > 540) return null;
	// Longitudes beyond the antimeridian are allowed in and normalised to [-180, 180).
	const wrapped = lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
	return { zoom, center: [wrapped, lat] };
}

export function formatCamera(camera: Camera): string {
	const [lon, lat] = camera.center;
	return `${camera.zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`;
}
