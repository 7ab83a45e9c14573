/**
 * Touch helpers, pure so they are unit tested: how large an area a tap selects from, and what a
 * finger's movement means (a swipe to the next step, a drag of the bottom sheet).
 */

/**
 * Half the side of the square a tap selects from. A fingertip covers about 44 CSS pixels, so a
 * thin line or a small marker is hit when the finger lands near it, not only exactly on it. A
 * mouse points precisely and keeps a single pixel.
 */
export const TOUCH_HIT_RADIUS = 22;

export type Box = [[number, number], [number, number]];

/** The screen box around a pointer to query the map's rendered features in. */
export function hitBox(point: { x: number; y: number }, pointerType: string | undefined): Box {
	const r = pointerType === 'touch' || pointerType === 'pen' ? TOUCH_HIT_RADIUS : 0;
	return [
		[point.x - r, point.y - r],
		[point.x + r, point.y + r]
	];
}

export type Swipe = 'left' | 'right' | 'up' | 'down' | null;

/**
 * What a finger's move of (dx, dy) CSS pixels in `ms` milliseconds was: a swipe in a direction,
 * or nothing (a tap, a wobble, a slow drag that changed its mind). A swipe goes far enough (or
 * fast enough over a shorter distance) and mostly along one axis.
 */
export function classifySwipe(dx: number, dy: number, ms: number): Swipe {
	const ax = Math.abs(dx);
	const ay = Math.abs(dy);
	const distance = Math.max(ax, ay);
	const fast = distance / Math.max(ms, 1) > 0.5;
	if (distance < 30 || (distance < 60 && !fast)) return null;
	if (ax > ay * 1.5) return dx < 0 ? 'left' : 'right';
	if (ay > ax * 1.5) return dy < 0 ? 'up' : 'down';
	return null;
}

export type SheetState = 'peek' | 'half' | 'full';
export const SHEET_STATES: readonly SheetState[] = ['peek', 'half', 'full'];

/**
 * Where a bottom sheet settles after a drag: a clear swipe moves one state up or down; a slow
 * drag settles on the state whose height is nearest to where the finger left it.
 */
export function settleSheet(
	from: SheetState,
	heights: Record<SheetState, number>,
	dy: number,
	ms: number
): SheetState {
	const i = SHEET_STATES.indexOf(from);
	const swipe = classifySwipe(0, dy, ms);
	if (swipe && Math.abs(dy) / Math.max(ms, 1) > 0.5) {
		return SHEET_STATES[Math.max(0, Math.min(2, i + (swipe === 'up' ? 1 : -1)))]!;
	}
	const target = heights[from] - dy;
	let best: SheetState = from;
	for (const s of SHEET_STATES) {
		if (Math.abs(heights[s] - target) < Math.abs(heights[best] - target)) best = s;
	}
	return best;
}
