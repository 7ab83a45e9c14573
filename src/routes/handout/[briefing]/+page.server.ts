/**
 * A briefing's handout: one printable page per step. Prerendered for every briefing in geo/; the
 * text (captions, legends, numbered sources) is in the HTML, the maps are drawn in the browser.
 */
import { error } from '@sveltejs/kit';
import { siteGeo } from '$lib/data/site-geo.server.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	siteGeo().dataset.briefings.map((b) => ({ briefing: b.id }));

export const load: PageServerLoad = ({ params }) => {
	const { dataset } = siteGeo();
	const briefing = dataset.briefings.find((b) => b.id === params.briefing);
	if (!briefing) error(404, `There is no briefing "${params.briefing}".`);
	return { dataset, briefingId: briefing.id };
};
