/**
 * Whether a panel that has just opened may move the keyboard focus to its heading: only once the
 * person has used the page (a press of a pointer or a key). A panel that a link opens while the
 * page loads leaves the focus where the browser starts it, at the top of the page, as any page
 * does: moving it there skipped the header for screen-reader users, and drew a focus ring around
 * the panel's title on the first screen a briefer shows.
 *
 * Watched from the first moment the app's code runs (the layout imports this module), so the
 * press that opens a lazily loaded panel has been seen by the time the panel asks. The browser's
 * own record of this (`navigator.userActivation`) cannot be used: Chromium reports a page opened
 * from its address bar as already activated.
 */
let used = false;

/** Records that the person has used the page (also for presses made before this module ran). */
export function noteUse(): void {
	used = true;
	if (typeof window === 'undefined') return;
	window.removeEventListener('pointerdown', noteUse, true);
	window.removeEventListener('keydown', noteUse, true);
}

if (typeof window !== 'undefined') {
	window.addEventListener('pointerdown', noteUse, true);
	window.addEventListener('keydown', noteUse, true);
}

export function mayTakeFocus(): boolean {
	return used;
}
