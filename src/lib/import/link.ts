/**
 * Imported layers in the page address. A link can name the imported layers shown (`imp=id,id`),
 * but cannot carry the files: opened in a browser that does not hold them, the page says so.
 * The part is kept apart from the atlas's own view codec, which owns every other key.
 */
const KEY = 'imp';
const ID = /^[a-z0-9]{1,16}$/;

/** The hash without its `imp=` part, and the ids that part named. */
export function splitImported(hash: string): { hash: string; ids: string[] } {
	const text = hash.startsWith('#') ? hash.slice(1) : hash;
	const keep: string[] = [];
	let ids: string[] = [];
	for (const part of text.split('&')) {
		if (part.startsWith(`${KEY}=`)) {
			ids = part
				.slice(KEY.length + 1)
				.split(',')
				.filter((id) => ID.test(id));
		} else if (part !== '') keep.push(part);
	}
	return { hash: keep.length > 0 ? `#${keep.join('&')}` : '', ids };
}

/** The hash with the shown imported layers added. */
export function withImported(hash: string, ids: readonly string[]): string {
	if (ids.length === 0) return hash;
	const part = `${KEY}=${ids.join(',')}`;
	return hash === '' || hash === '#' ? `#${part}` : `${hash}&${part}`;
}

/** The notice for a link that names imported layers this browser does not hold, or null. */
export function missingLayersNotice(
	linked: readonly string[],
	present: readonly string[]
): string | null {
	const missing = linked.filter((id) => !present.includes(id));
	if (missing.length === 0) return null;
	const what = missing.length === 1 ? 'an imported layer' : `${missing.length} imported layers`;
	return `This link shows ${what} that this browser does not have. Imported files never leave the computer they were imported on, so a link cannot carry them: ask for the file and import it.`;
}
