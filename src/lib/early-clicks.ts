/**
 * Replays the clicks that static/early-clicks.js held while the prerendered page had no code
 * behind it, once the app has taken the page over. Each control is clicked once, in the order
 * first pressed; one that is no longer on the page (the app drew it anew) is skipped.
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
		if (control.isConnected && control instanceof HTMLElement) control.click();
	}
}
