import { describe, expect, test } from 'vitest';
import {
	dateRange,
	dayNumber,
	formatDatePrec,
	isoFromDay,
	mayBePresentOn,
	presenceRange,
	UNBOUNDED_FUTURE,
	UNBOUNDED_PAST,
	valueRange
} from '../../../src/lib/data/dates.ts';
import type { DatePrec, Presence } from '../../../src/lib/data/schema.ts';

const day = (iso: string): number => {
	const n = dayNumber(iso);
	if (n === null) throw new Error(`bad test date ${iso}`);
	return n;
};

describe('dayNumber and isoFromDay', () => {
	test('count days from 1970-01-01', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('1969-12-31')).toBe(-1);
		expect(isoFromDay(day('2025-11-04'))).toBe('2025-11-04');
	});

	test('reject dates that do not exist or are not written YYYY-MM-DD', () => {
		expect(dayNumber('2025-02-29')).toBeNull();
		expect(dayNumber('2025-11-31')).toBeNull();
		expect(dayNumber('2025-13-01')).toBeNull();
		expect(dayNumber('2025-11-4')).toBeNull();
		expect(dayNumber('4 Nov 2025')).toBeNull();
		expect(dayNumber('2024-02-29')).toBe(day('2024-02-28') + 1);
	});

	test('4 November 2025, the resolved "Tuesday" of the NIS briefing, is a Tuesday', () => {
		const weekday = new Date(day('2025-11-04') * 86_400_000).getUTCDay();
		expect(weekday).toBe(2);
	});
});

describe('valueRange', () => {
	test('covers the whole month or year the value names', () => {
		expect(valueRange('2025-11', 'month')).toEqual([day('2025-11-01'), day('2025-11-30')]);
		expect(valueRange('2024-02', 'month')).toEqual([day('2024-02-01'), day('2024-02-29')]);
		expect(valueRange('2025', 'year')).toEqual([day('2025-01-01'), day('2025-12-31')]);
		expect(valueRange('2025-11-04', 'day')).toEqual([day('2025-11-04'), day('2025-11-04')]);
	});

	test('is null when the value does not match its precision', () => {
		expect(valueRange('2025-11', 'day')).toBeNull();
		expect(valueRange('2025', 'month')).toBeNull();
		expect(valueRange('2025-00', 'month')).toBeNull();
		expect(valueRange('2025', 'unknown')).toBeNull();
	});
});

describe('dateRange', () => {
	const month: DatePrec = { value: '2025-11', precision: 'month', resolution: 'stated' };

	test('narrows a value by its bounds', () => {
		expect(dateRange({ ...month, earliest: '2025-11-04' })).toEqual([
			day('2025-11-04'),
			day('2025-11-30')
		]);
	});

	test('spans all time for an unknown date without bounds, and the bounds when given', () => {
		const unknown: DatePrec = { value: null, precision: 'unknown', resolution: 'unresolved' };
		expect(dateRange(unknown)).toEqual([UNBOUNDED_PAST, UNBOUNDED_FUTURE]);
		expect(dateRange({ ...unknown, earliest: '2024-08-01', latest: '2025-04-30' })).toEqual([
			day('2024-08-01'),
			day('2025-04-30')
		]);
	});

	test('is null for malformed dates and for bounds that exclude the value', () => {
		expect(dateRange({ ...month, value: null })).toBeNull();
		expect(dateRange({ ...month, earliest: '2025-12-01' })).toBeNull();
		expect(dateRange({ ...month, latest: 'soon' })).toBeNull();
		expect(dateRange({ value: '2025', precision: 'unknown', resolution: 'stated' })).toBeNull();
	});
});

describe('presence', () => {
	const presence: Presence = {
		start: { value: '2025-09', precision: 'month', resolution: 'stated' },
		end: null,
		last_corroborated: { value: '2025-11-04', precision: 'day', resolution: 'stated' }
	};

	test('an open presence runs to UNBOUNDED_FUTURE', () => {
		expect(presenceRange(presence)).toEqual([day('2025-09-01'), UNBOUNDED_FUTURE]);
	});

	test('"present on" reads imprecise starts and ends generously', () => {
		const closed: Presence = {
			...presence,
			end: { value: '2025-10', precision: 'month', resolution: 'stated' }
		};
		expect(mayBePresentOn(closed, day('2025-09-01'))).toBe(true);
		expect(mayBePresentOn(closed, day('2025-10-31'))).toBe(true);
		expect(mayBePresentOn(closed, day('2025-11-01'))).toBe(false);
		expect(mayBePresentOn(closed, day('2025-08-31'))).toBe(false);
	});
});

describe('formatDatePrec', () => {
	test('never shows more precision than the date has, and marks inferred dates', () => {
		expect(formatDatePrec({ value: '2025-11-04', precision: 'day', resolution: 'stated' })).toBe(
			'4 Nov 2025'
		);
		expect(formatDatePrec({ value: '2025-09', precision: 'month', resolution: 'stated' })).toBe(
			'Sep 2025'
		);
		expect(
			formatDatePrec({
				value: '2025',
				precision: 'year',
				resolution: 'inferred',
				earliest: '2025-07-01'
			})
		).toBe('c. 2025 (not before 1 Jul 2025)');
		expect(
			formatDatePrec({
				value: null,
				precision: 'unknown',
				resolution: 'inferred',
				earliest: '2024-08-01',
				latest: '2025-04-30'
			})
		).toBe('unknown (not before 1 Aug 2024, not after 30 Apr 2025)');
	});
});
