import { describe, expect, it } from 'vitest';
import { classifySwipe, hitBox, settleSheet } from '../../../src/lib/state/touch.ts';

describe('hitBox', () => {
	it('gives a finger a 44-pixel square and a mouse a single point', () => {
		expect(hitBox({ x: 100, y: 50 }, 'touch')).toEqual([
			[78, 28],
			[122, 72]
		]);
		expect(hitBox({ x: 100, y: 50 }, 'mouse')).toEqual([
			[100, 50],
			[100, 50]
		]);
		expect(hitBox({ x: 100, y: 50 }, undefined)[0]).toEqual([100, 50]);
	});
});

describe('classifySwipe', () => {
	it('reads long horizontal and vertical moves as swipes', () => {
		expect(classifySwipe(-200, 10, 300)).toBe('left');
		expect(classifySwipe(150, -20, 400)).toBe('right');
		expect(classifySwipe(5, -120, 500)).toBe('up');
		expect(classifySwipe(0, 90, 900)).toBe('down');
	});

	it('ignores taps, wobbles, slow short drags and diagonals', () => {
		expect(classifySwipe(3, 2, 80)).toBeNull();
		expect(classifySwipe(40, 0, 800)).toBeNull();
		expect(classifySwipe(100, 90, 200)).toBeNull();
	});

	it('accepts a short flick', () => {
		expect(classifySwipe(45, 0, 60)).toBe('right');
	});
});

describe('settleSheet', () => {
	const heights = { peek: 100, half: 400, full: 750 };

	it('moves one state on a flick', () => {
		expect(settleSheet('peek', heights, -80, 100)).toBe('half');
		expect(settleSheet('full', heights, 80, 100)).toBe('half');
		expect(settleSheet('full', heights, -80, 100)).toBe('full');
	});

	it('settles a slow drag on the nearest height', () => {
		expect(settleSheet('peek', heights, -600, 2000)).toBe('full');
		expect(settleSheet('half', heights, 250, 2000)).toBe('peek');
		expect(settleSheet('half', heights, 20, 2000)).toBe('half');
	});
});
