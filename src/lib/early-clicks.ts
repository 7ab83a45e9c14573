/**
 * Replays the clicks that static/early-clicks.js held while the prerendered page had no code
 * behind it, once the app has taken the page over. Each control is clicked once, in the order
 * first pressed. A control the app drew anew (on a phone it moves the list into the bottom
 * sheet) is clicked in its new form, found by what it is for (see counterpart); one with no
 * single counterpart is skipped.
 */
import { noteUse } from './components/focus.ts';

type Release = () => Element[];

export function replayEarlyClicks(): void {
	const release = (window as Window & { __atlasReleaseClicks?: Release }).__atlasReleaseClicks;
	if (!release) return;
	const held = release();
	if (held.length === 0) return;
	// They were presses of a person: a panel they open may take the focus.
	noteUse();
	for (const control of held) {
		if (!(control instanceof HTMLElement)) continue;
		(control.isConnected ? control : counterpart(control))?.click();
	}
}

/** Attributes that say which thing a control is for, most specific first. */
const IDENTITY = ['data-list-id', 'data-draft-id', 'id'] as const;

/** A control's name as a person reads it: its label if it has one, else its text. */
function nameOf(el: Element): string {
	const own = el.getAttribute('aria-label') ?? el.textContent ?? '';
	return own.replace(/\s+/g, ' ').trim();
}

/**
 * The control now on the page that stands where `old` (no longer on the page) stood: the one
 * with the same identity attribute, else the only one of the same kind with the same name and,
 * for an input, the same name and value. Null when there is none, or more than one.
 */
export function counterpart(old: HTMLElement, root: ParentNode = document): HTMLElement | null {
	for (const key of IDENTITY) {
		const value = old.getAttribute(key);
		if (value) return root.querySelector<HTMLElement>(`[${key}="${CSS.escape(value)}"]`);
	}
	const name = nameOf(old);
	const field = (el: Element) =>
		`${el.getAttribute('name') ?? ''}\u0000${el.getAttribute('value') ?? ''}`;
	// A control with neither a name nor a field (an input with no label of its own) says
	// nothing about which control it was.
	if (!name && field(old) === '\u0000') return null;
	const same = [...root.querySelectorAll<HTMLElement>(old.tagName)].filter(
		(el) =>
			el.getAttribute('type') === old.getAttribute('type') &&
			field(el) === field(old) &&
			nameOf(el) === name
	);
	return same.length === 1 ? same[0]! : null;
}
