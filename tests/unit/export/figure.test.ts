import { describe, expect, it } from 'vitest';
import {
	asOfLine,
	figureText,
	figureTime,
	FOOTNOTES_HEADING
} from '../../../src/lib/export/figure.ts';
import { FADE_NOTE, FIGURE_CAVEAT } from '../../../src/lib/export/citations.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';

const { dataset } = loadGeo('geo');

describe('figureText', () => {
	const request = {
		title: 'Kursk region',
		subtitle: null,
		time: { mode: 'present-on' as const, date: '2025-11-04' },
		layers: ['event', 'demining', 'construction'] as const,
		visibleFeatureIds: ['kursk-demining', 'kursk-construction', 'event-lavrov-thanks'],
		attribution: 'Natural Earth; GeoNames'
	};

	it('lists the visible layers in legend order with their names', () => {
		const { text } = figureText(dataset, { ...request, layers: [...request.layers] });
		expect(text.legend).toEqual([
			{ id: 'construction', label: 'Reconstruction (military builders)' },
			{ id: 'demining', label: 'Demining' },
			{ id: 'event', label: 'Event' }
		]);
	});

	it('carries the caveat, attribution and the footnotes numbered for the visible features', () => {
		const { text, footnotes } = figureText(dataset, { ...request, layers: [...request.layers] });
		// Filtered by date, the caveat also says what a faded mark means; unfiltered it does not.
		expect(text.caveat).toBe(`${FIGURE_CAVEAT} ${FADE_NOTE}`);
		expect(figureText(dataset, { ...request, time: null }).text.caveat).toBe(FIGURE_CAVEAT);
		expect(text.attribution).toBe('Natural Earth; GeoNames');
		expect(text.footnotesHeading).toBe(FOOTNOTES_HEADING);
		expect(text.footnotes).toEqual(
			footnotes.footnotes.map((f) => ({ number: f.number, text: f.text }))
		);
		// Builders come before deminers in the legend, so their sources are numbered first.
		expect(footnotes.features.map((f) => f.featureId)).toEqual([
			'kursk-construction',
			'kursk-demining'
		]);
		expect(footnotes.skipped).toEqual([
			{ featureId: 'event-lavrov-thanks', reason: 'not-located' }
		]);
	});
});

describe('asOfLine', () => {
	it('names the time filter in words', () => {
		expect(asOfLine({ mode: 'present-on', date: '2025-11-04' })).toBe('As of 4 Nov 2025');
		expect(asOfLine({ mode: 'reported-by', date: '2025-04-30' })).toBe(
			'As reported by 30 Apr 2025'
		);
		expect(asOfLine(null)).toBe('All dates on file');
	});
});

describe('figureTime', () => {
	it('gives a time selection as the date a figure prints, and nothing for all dates', () => {
		const day = Date.UTC(2025, 10, 4) / 86_400_000;
		expect(figureTime({ mode: 'reported-by', day, certainOnly: false })).toEqual({
			mode: 'reported-by',
			date: '2025-11-04'
		});
		expect(figureTime(null)).toBeNull();
	});
});
