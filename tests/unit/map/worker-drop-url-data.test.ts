import { beforeAll, describe, expect, it } from 'vitest';

/** A stand-in for MapLibre's worker scope: what it posts, and a way to deliver a message. */
const posted: unknown[] = [];
const listeners: Array<(event: { data: unknown }) => void> = [];
const deliver = (data: unknown) => listeners.forEach((l) => l({ data }));
const post = (message: unknown) =>
	(globalThis.self as unknown as { postMessage(m: unknown): void }).postMessage(message);

beforeAll(async () => {
	Object.defineProperty(globalThis, 'self', {
		configurable: true,
		value: {
			addEventListener: (_type: string, l: (event: { data: unknown }) => void) => listeners.push(l),
			postMessage: (m: unknown) => posted.push(m)
		}
	});
	await import('../../../src/lib/map/worker/drop-url-data.ts');
});

const geojson = { type: 'FeatureCollection', features: [] };

describe("MapLibre's worker: the copy of blob: GeoJSON is not posted back to the page", () => {
	it('drops the parsed data of a loadData answer for a blob: URL, keeping the rest', () => {
		deliver({ id: '1', type: 'LD', data: { source: 'imp', request: { url: 'blob:http://x/1' } } });
		post({ id: '1', type: '<response>', data: { data: geojson, resourceTiming: [] }, error: null });
		expect(posted.at(-1)).toEqual({
			id: '1',
			type: '<response>',
			data: { resourceTiming: [] },
			error: null
		});
	});

	it('leaves answers for http(s) data, other messages and unrelated ids alone', () => {
		deliver({ id: '2', type: 'LD', data: { source: 's', request: { url: 'http://x/a.json' } } });
		post({ id: '2', type: '<response>', data: { data: geojson } });
		expect(posted.at(-1)).toEqual({ id: '2', type: '<response>', data: { data: geojson } });
		deliver({ id: '3', type: 'LT', data: { request: { url: 'blob:http://x/3' } } });
		post({ id: '3', type: '<response>', data: { data: geojson } });
		expect(posted.at(-1)).toEqual({ id: '3', type: '<response>', data: { data: geojson } });
	});
});
