/**
 * Colours offered for imported layers: distinct from the evidence categories' Okabe-Ito colours
 * so a user's layer is never mistaken for the atlas's own. Any colour can be chosen instead.
 */
export const IMPORT_COLOURS = ['#7b3294', '#a6611a', '#c51b7d', '#4d9221', '#2d6a8f', '#8c2d04'];

export function nextColour(used: readonly string[]): string {
	return (
		IMPORT_COLOURS.find((c) => !used.includes(c)) ??
		IMPORT_COLOURS[used.length % IMPORT_COLOURS.length]!
	);
}

/** A CSS hex colour (#rrggbb) or null: colours come back from storage and are checked again. */
export function safeColour(value: unknown): string | null {
	return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : null;
}
