/**
 * Whether an Escape press is the page's own, to close a side panel with. A dialog open above the
 * page closes on Escape itself (the browser's default for a modal dialog); a panel that took the
 * press too would close underneath it, and its `preventDefault` would keep the dialog open.
 */
export function isPageEscape(e: KeyboardEvent): boolean {
	if (e.key !== 'Escape' || e.defaultPrevented) return false;
	const target = e.target instanceof Element ? e.target : null;
	return !target?.closest('dialog[open]');
}

/** A window `keydown` handler that runs `action` on the page's own Escape (and takes the key). */
export function onPageEscape(action: () => void): (e: KeyboardEvent) => void {
	return (e) => {
		if (!isPageEscape(e)) return;
		e.preventDefault();
		action();
	};
}
