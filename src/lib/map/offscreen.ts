/**
 * Waiting for an off-screen map (an export figure) to finish drawing, with the clean-up every
 * path needs: whether the map fails to start, reports an error before it is drawn, or never
 * becomes idle, its WebGL context and its container are released and the caller gets an Error
 * whose message says what happened and that trying again is possible.
 */

/** The part of MapLibre's Map this needs. */
export interface DrawnMap {
	once(type: 'idle', listener: () => void): unknown;
	on(type: 'error', listener: (e: { error?: { message?: string } }) => void): unknown;
	off(type: 'error', listener: (e: { error?: { message?: string } }) => void): unknown;
	loaded(): boolean;
	remove(): void;
}

/** How long an off-screen figure map may take before the export gives up (software WebGL is slow). */
export const OFFSCREEN_TIMEOUT_MS = 120_000;

/**
 * Starts a map with `start` and resolves with it once it is idle. On failure (start throws, an
 * error before the first idle, or `timeoutMs` without an idle) the map is removed, `release` runs
 * (remove the container), and the promise rejects. On success the caller removes both.
 */
export function whenDrawn<M extends DrawnMap>(
	start: () => M,
	release: () => void,
	timeoutMs = OFFSCREEN_TIMEOUT_MS
): Promise<M> {
	let map: M;
	try {
		map = start();
	} catch (err) {
		release();
		const text = err instanceof Error ? err.message : String(err);
		return Promise.reject(
			new Error(`The map for the figure could not start (${text}). Try again.`)
		);
	}
	return new Promise<M>((resolve, reject) => {
		let settled = false;
		const fail = (message: string) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			map.off('error', onError);
			try {
				map.remove();
			} finally {
				release();
			}
			reject(new Error(message));
		};
		const onError = (e: { error?: { message?: string } }) => {
			// After the map is drawn, a late error (a tile for another zoom) changes nothing.
			if (!map.loaded())
				fail(
					`The map for the figure could not be drawn (${e.error?.message ?? 'unknown error'}). Try again.`
				);
		};
		const timer = setTimeout(
			() =>
				fail(
					`The map for the figure was not drawn within ${Math.round(timeoutMs / 1000)} s. Try again, or choose a smaller size.`
				),
			timeoutMs
		);
		map.on('error', onError);
		map.once('idle', () => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			map.off('error', onError);
			resolve(map);
		});
	});
}
