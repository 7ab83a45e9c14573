/**
 * The page's data: the evidence (validated at build time by the data/atlas.json route, which
 * fails the build with located messages if geo/ has any error) and the reference places for
 * search. Prerendering runs this load and writes both responses into the page as JSON, so the
 * browser neither fetches nor re-validates them: on hydration SvelteKit answers these two
 * requests from the page itself.
 *
 * They travel as JSON rather than as the script a server load is inlined as: the browser
 * compiled that 160 KB script on the main thread before the page could start (about 120 ms of
 * start-up here), where JSON.parse of the same text is a few milliseconds.
 */
import type { Dataset } from '$lib/data/schema.ts';
import type { Place } from '$lib/state/places.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const read = async <T>(path: string): Promise<T> => {
		const res = await fetch(path);
		if (!res.ok) throw new Error(`${path} could not be read (HTTP ${res.status})`);
		return (await res.json()) as T;
	};
	const [dataset, places] = await Promise.all([
		read<Dataset>('data/atlas.json'),
		read<Place[]>('data/places.json')
	]);
	return { dataset, places };
};
