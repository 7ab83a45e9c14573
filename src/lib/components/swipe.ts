/**
 * A swipe gesture as a Svelte attachment: `{@attach swipe((dir) => ...)}` calls back with the
 * direction of a finger (or pen) swipe that started on the element. Mouse drags are left alone,
 * so selecting text with a mouse never changes a step.
 */
import type { Attachment } from 'svelte/attachments';
import { classifySwipe, type Swipe } from '$lib/state/touch.ts';

export function swipe(onswipe: (direction: Exclude<Swipe, null>) => void): Attachment {
	return (node) => {
		const element = node as HTMLElement;
		let start: { x: number; y: number; t: number; id: number } | null = null;
		const down = (e: PointerEvent) => {
			if (e.pointerType === 'mouse') return;
			start = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
		};
		const up = (e: PointerEvent) => {
			if (!start || e.pointerId !== start.id) return;
			const direction = classifySwipe(
				e.clientX - start.x,
				e.clientY - start.y,
				e.timeStamp - start.t
			);
			start = null;
			if (direction) onswipe(direction);
		};
		const cancel = () => (start = null);
		element.addEventListener('pointerdown', down);
		element.addEventListener('pointerup', up);
		element.addEventListener('pointercancel', cancel);
		return () => {
			element.removeEventListener('pointerdown', down);
			element.removeEventListener('pointerup', up);
			element.removeEventListener('pointercancel', cancel);
		};
	};
}
