import { describe, expect, it } from 'vitest';
import { formatCamera, parseCamera } from '../../../src/lib/state/camera.ts';

describe('camera text', () => {
	it('reads zoom/latitude/longitude', () => {
		expect(parseCamera('6.5/51.73/36.19')).toEqual({ zoom: 6.5, center: [36.19, 51.73] });
	});

	it('reads an optional bearing and pitch, as MapLibre writes them', () => {
		expect(parseCamera('6.5/51.73/36.19/-20.5/45')).toEqual({
			zoom: 6.5,
			center: [36.19, 51.73],
			bearing: -20.5,
			pitch: 45
		});
		expect(parseCamera('6.5/51.73/36.19/0/0')).toEqual({ zoom: 6.5, center: [36.19, 51.73] });
	});

	it('normalises a longitude past the antimeridian', () => {
		expect(parseCamera('4/66/190')?.center[0]).toBeCloseTo(-170);
	});

	it.each([
		'',
		'6/51',
		'a/b/c',
		'6/91/30',
		'30/50/30',
		'6/50/30/1/2/3',
		'6/50/30/0/90',
		'1e3/0/0',
		'6/50/30 '
	])('rejects %j without throwing', (text) => {
		expect(parseCamera(text)).toBeNull();
	});

	it('writes short text: no trailing zeros, no bearing or pitch when flat and north up', () => {
		expect(formatCamera({ zoom: 5.2, center: [36.2, 51.7] })).toBe('5.2/51.7/36.2');
		expect(formatCamera({ zoom: 5, center: [36, 51], pitch: 30 })).toBe('5/51/36/0/30');
		expect(formatCamera({ zoom: 5.123, center: [-0.00001, 51.00004] })).toBe('5.12/51/0');
	});

	it('round-trips through its own format', () => {
		const camera = { zoom: 3.25, center: [131.8735, 43.1056] as [number, number] };
		expect(parseCamera(formatCamera(camera))).toEqual(camera);
		const tilted = { ...camera, bearing: -12.5, pitch: 40 };
		expect(parseCamera(formatCamera(tilted))).toEqual(tilted);
	});
});
