/**
 * Links in exported citations: only plain http(s) addresses survive. A `javascript:` or `data:`
 * link pasted into a report or a Markdown renderer is an attack, and an address with a user name
 * ("https://trusted.example@evil.example") misleads the reader about where it goes.
 */

/** Whitespace or control characters: URL parsers silently strip some of them, so refuse them all. */
function hasUnsafeCharacter(value: string): boolean {
	for (const ch of value) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(ch)) return true;
	}
	return false;
}

/** The address, normalised by the URL parser, if it is a safe http(s) link; otherwise null. */
export function safeHttpUrl(value: string | null | undefined): string | null {
	if (typeof value !== 'string' || hasUnsafeCharacter(value)) return null;
	// Checked before parsing: the parser accepts every scheme, and "http:foo" without slashes.
	if (!/^https?:\/\//i.test(value)) return null;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
	return url.href;
}
