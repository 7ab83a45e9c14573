/**
 * static/early-clicks.js, run as the page runs it (a classic script) in a sandbox with a window
 * of its own: which clicks it holds before the app has taken over, and when it lets go.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';

const source = readFileSync('static/early-clicks.js', 'utf8');

type Listener = (event: FakeClick) => void;

interface FakeClick {
	target: { closest(selector: string): unknown };
	button: number;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
	prevented: boolean;
	preventDefault(): void;
	stopImmediatePropagation(): void;
}

function page() {
	const listeners = new Set<Listener>();
	const window: { __atlasReleaseClicks?: () => unknown[] } = {};
	runInNewContext(source, {
		window,
		addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
		removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
		setTimeout,
		clearTimeout
	});
	const click = (control: object | null, modifiers: Partial<FakeClick> = {}) => {
		const event: FakeClick = {
			// `closest` finds the control the press landed in, or nothing (the map, a paragraph).
			target: { closest: () => control },
			button: 0,
			ctrlKey: false,
			metaKey: false,
			shiftKey: false,
			altKey: false,
			prevented: false,
			preventDefault() {
				this.prevented = true;
			},
			stopImmediatePropagation() {},
			...modifiers
		};
		for (const listener of listeners) listener(event);
		return event.prevented;
	};
	return { window, listeners, click };
}

describe('early clicks', () => {
	it('holds each pressed control once, in order, until the app takes over', () => {
		const { window, listeners, click } = page();
		const list = { name: 'feature' };
		const legend = { name: 'layer' };
		expect(click(list)).toBe(true);
		expect(click(legend)).toBe(true);
		expect(click(list)).toBe(true);
		expect(click(null)).toBe(false);
		expect(window.__atlasReleaseClicks!()).toEqual([list, legend]);
		// Once released it holds nothing more and cannot be released twice.
		expect(listeners.size).toBe(0);
		expect(window.__atlasReleaseClicks).toBeUndefined();
	});

	it('leaves a click with a modifier or another button to the browser', () => {
		const { window, click } = page();
		const link = { href: '/handout/' };
		expect(click(link, { ctrlKey: true })).toBe(false);
		expect(click(link, { metaKey: true })).toBe(false);
		expect(click(link, { shiftKey: true })).toBe(false);
		expect(click(link, { button: 1 })).toBe(false);
		expect(window.__atlasReleaseClicks!()).toEqual([]);
	});

	it('lets go after 15 s if the app never takes over, and drops what it held', () => {
		vi.useFakeTimers();
		try {
			const { window, listeners, click } = page();
			click({ name: 'feature' });
			vi.advanceTimersByTime(14_999);
			expect(listeners.size).toBe(1);
			vi.advanceTimersByTime(1);
			expect(listeners.size).toBe(0);
			expect(window.__atlasReleaseClicks).toBeUndefined();
			expect(click({ name: 'late' })).toBe(false);
		} finally {
			vi.useRealTimers();
		}
	});
});
