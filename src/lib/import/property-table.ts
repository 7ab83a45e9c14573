/**
 * An imported feature's properties as rows of plain text for the side panel: nested values as
 * JSON, http(s) addresses as links (any other scheme stays text), long values folded. Values are
 * never interpreted as markup; the component renders every cell as text.
 */
import { safeHttpUrl } from '../export/safe-url.ts';

export const FOLD_AT = 160;

export interface PropertyRow {
	key: string;
	text: string;
	/** Set when the whole value is a safe http(s) address. */
	href: string | null;
	/** The first FOLD_AT characters, when the value is longer and shown folded. */
	short: string | null;
}

/** Rows from the `props` JSON string a map feature carries; the reason in words when unreadable. */
export function propertyRows(props: unknown): PropertyRow[] {
	let value: unknown = props;
	if (typeof props === 'string') {
		try {
			value = JSON.parse(props);
		} catch {
			return [];
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
	return Object.entries(value as Record<string, unknown>).map(([key, v]) => {
		const text = typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v);
		return {
			key,
			text,
			href: typeof v === 'string' ? safeHttpUrl(v.trim()) : null,
			short: text.length > FOLD_AT ? `${text.slice(0, FOLD_AT)}…` : null
		};
	});
}
