/*
 * Clicks made on the prerendered page before the app's code has taken it over would do nothing:
 * no handler is attached yet. This holds them, and src/lib/early-clicks.ts replays them once the
 * app has taken over, so a button pressed in the first second of a slow start still works.
 * A plain file, not inline: the page's Content-Security-Policy allows scripts from the site only.
 */
(function () {
	var held = [];
	var controls = 'button, a[href], label, summary, input[type="checkbox"], input[type="radio"]';
	function hold(event) {
		// A click with a modifier (a link opened in a new tab) is the browser's own to handle.
		if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
			return;
		}
		var target = event.target && event.target.closest ? event.target.closest(controls) : null;
		if (!target) return;
		event.preventDefault();
		event.stopImmediatePropagation();
		if (held.indexOf(target) < 0) held.push(target);
	}
	function release() {
		removeEventListener('click', hold, true);
		clearTimeout(giveUp);
		window.__atlasReleaseClicks = undefined;
		return held;
	}
	addEventListener('click', hold, true);
	// If the app never takes over (its code failed), links and the browser's own controls work
	// again after a while; what was held is dropped (nothing can ask for it once released) rather
	// than replayed long after.
	var giveUp = setTimeout(release, 15000);
	window.__atlasReleaseClicks = release;
})();
