import { describe, expect, it } from 'vitest';
import { formatCamera, parseCamera } from '../../../src/lib/state/camera.ts';

describe('camera text', () => {
	it('reads zoom/latitude/longitude', () => {
		expect(parseCamera('6.5/51.73/36.19')).toEqual({ zoom: 6.5, center: [36.19, 51.73] });
	});

	it('normalises a longitude past the antimeridian', () => {
		expect(parseCamera('4/66/190')?.center[0]).toBeCloseTo(-170);
	});

	it.each(['', '6/51', 'a/b/c', '6/91/30', '30/50/30', '6/50/30/1', '1e3/0/0', '6/50/30 '])(
		'rejects %j without throwing',
		(text) => {
			expect(parseCamera(text)).toBeNull();
		}
	);

	it('round-trips through its own format', () => {
		const camera = { zoom: 3.25, center: [131.8735, 43.1056] as [number, number] };
		expect(parseCamera(formatCamera(camera))).toEqual(camera);
	});
});
