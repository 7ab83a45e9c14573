/** Coalescing timeline updates to one per animation frame. */

export interface Throttled<A extends unknown[]> {
	(...args: A): void;
	/** Drop a pending call. */
	cancel(): void;
	/** Run a pending call now (on pointer-up, say), instead of on the next frame. */
	flush(): void;
}

/**
 * Coalesces calls to at most one per animation frame, running the latest arguments. Dragging the
 * timeline fires input events faster than frames; each `setFilter` re-evaluates every feature,
 * so only the last position before a frame is worth applying. The scheduler is injectable so
 * tests can drive frames by hand.
 */
export function rafThrottle<A extends unknown[]>(
	fn: (...args: A) => void,
	requestFrame: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
	cancelFrame: (handle: number) => void = (handle) => cancelAnimationFrame(handle)
): Throttled<A> {
	let pending: { args: A } | null = null;
	let handle: number | null = null;
	const run = () => {
		handle = null;
		const call = pending;
		pending = null;
		if (call) fn(...call.args);
	};
	const throttled = (...args: A) => {
		pending = { args };
		if (handle === null) handle = requestFrame(run);
	};
	throttled.cancel = () => {
		if (handle !== null) cancelFrame(handle);
		handle = null;
		pending = null;
	};
	throttled.flush = () => {
		if (handle !== null) cancelFrame(handle);
		run();
	};
	return throttled;
}
