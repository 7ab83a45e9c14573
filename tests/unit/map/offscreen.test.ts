import { describe, expect, it, vi } from 'vitest';
import { whenDrawn, type DrawnMap } from '../../../src/lib/map/offscreen.ts';

type Listener = (e: { error?: { message?: string } }) => void;

/** A map that does what the test tells it to: become idle, fail, or nothing at all. */
function fakeMap() {
	const handlers = { idle: [] as Array<() => void>, error: [] as Listener[] };
	let loaded = false;
	const map = {
		removed: 0,
		once: (_: 'idle', fn: () => void) => handlers.idle.push(fn),
		on: (_: 'error', fn: Listener) => handlers.error.push(fn),
		off: (_: 'error', fn: Listener) => (handlers.error = handlers.error.filter((h) => h !== fn)),
		loaded: () => loaded,
		remove() {
			map.removed += 1;
		},
		idle() {
			loaded = true;
			for (const h of handlers.idle) h();
		},
		fail(message: string) {
			for (const h of handlers.error) h({ error: { message } });
		}
	};
	return map satisfies DrawnMap;
}

describe('an off-screen figure map', () => {
	it('resolves once idle and leaves clean-up to the caller', async () => {
		const map = fakeMap();
		const release = vi.fn();
		const drawn = whenDrawn(() => map, release, 1000);
		map.idle();
		await expect(drawn).resolves.toBe(map);
		expect(map.removed).toBe(0);
		expect(release).not.toHaveBeenCalled();
	});

	it('removes the map and its container when it fails before it is drawn', async () => {
		const map = fakeMap();
		const release = vi.fn();
		const drawn = whenDrawn(() => map, release, 1000);
		map.fail('tile 3/4/2 could not be read');
		await expect(drawn).rejects.toThrow(/could not be drawn \(tile 3\/4\/2.*Try again/);
		expect(map.removed).toBe(1);
		expect(release).toHaveBeenCalledOnce();
	});

	it('gives up with a message when the map never becomes idle, and cleans up', async () => {
		vi.useFakeTimers();
		try {
			const map = fakeMap();
			const release = vi.fn();
			const drawn = whenDrawn(() => map, release, 5000);
			const settled = expect(drawn).rejects.toThrow(/not drawn within 5 s\. Try again/);
			vi.advanceTimersByTime(5000);
			await settled;
			expect(map.removed).toBe(1);
			expect(release).toHaveBeenCalledOnce();
			// A late idle after giving up changes nothing.
			map.idle();
			expect(map.removed).toBe(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('releases the container when the map cannot even start (no WebGL context)', async () => {
		const release = vi.fn();
		const drawn = whenDrawn<DrawnMap>(() => {
			throw new Error('Failed to initialize WebGL');
		}, release);
		await expect(drawn).rejects.toThrow(/could not start \(Failed to initialize WebGL\)/);
		expect(release).toHaveBeenCalledOnce();
	});

	it('ignores errors after the map is drawn', async () => {
		const map = fakeMap();
		const drawn = whenDrawn(() => map, vi.fn(), 1000);
		map.idle();
		map.fail('late');
		await expect(drawn).resolves.toBe(map);
		expect(map.removed).toBe(0);
	});
});
