/**
 * Loads the evidence through the same schema the validator uses. When prerendering, SvelteKit
 * inlines these responses into the page, so the browser makes no extra request for them.
 */
import { base } from '$app/paths';
import * as v from 'valibot';
import { DatasetSchema, type Dataset } from '$lib/data/schema.ts';
import type { Place } from '$lib/state/places.ts';
import type { PageLoad } from './$types';

export interface DataProblem {
	/** Where in the data, as a path such as "claims[3].figure.value". */
	path: string;
	message: string;
}

export const load: PageLoad = async ({ fetch }) => {
	const [atlas, places] = await Promise.all([
		fetch(`${base}/data/atlas.json`),
		fetch(`${base}/data/places.json`)
	]);
	const parsed = v.safeParse(DatasetSchema, await atlas.json());
	const dataset: Dataset | null = parsed.success ? parsed.output : null;
	const problems: DataProblem[] = parsed.success
		? []
		: parsed.issues.slice(0, 20).map((issue) => ({
				path: v.getDotPath(issue) ?? '(top level)',
				message: issue.message
			}));
	return { dataset, problems, places: (await places.json()) as Place[] };
};
