/**
 * The validator against folders of fixture files: tests/fixtures/geo/valid/ must pass, and each
 * tests/fixtures/geo/invalid/<rule>/ or <rule>.<case>/ (a copy of valid/ with exactly one mistake)
 * must produce exactly the lines in its expected.txt, all under that rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readGeoDir } from '../../../src/lib/data/geo-files.server.ts';
import { formatIssue, RULE_IDS } from '../../../src/lib/data/issues.ts';
import { validateGeoFiles } from '../../../src/lib/data/validate.ts';

const FIXTURES = 'tests/fixtures/geo';
const INVALID = join(FIXTURES, 'invalid');
const ruleFolders = readdirSync(INVALID)
	.filter((name) => statSync(join(INVALID, name)).isDirectory())
	.sort();
/** "json-syntax.byte-order-mark" is a further case of the rule "json-syntax". */
const ruleOf = (folder: string) => folder.split('.')[0]!;

describe('valid fixture', () => {
	test('passes with no issues and yields the dataset', () => {
		const { issues, dataset } = validateGeoFiles(readGeoDir(join(FIXTURES, 'valid')));
		expect(issues).toEqual([]);
		expect(dataset?.features.map((f) => f.id)).toEqual([
			'region-zone',
			'flow-to-region',
			'event-at-capital',
			'event-not-located'
		]);
		expect(dataset?.briefings.map((b) => b.id)).toEqual(['example']);
	});
});

describe('invalid fixtures', () => {
	test('there is a folder per rule, named after the rule, and cases only of known rules', () => {
		expect(ruleFolders.filter((f) => !f.includes('.'))).toEqual([...RULE_IDS].sort());
		expect(new Set(ruleFolders.map(ruleOf))).toEqual(new Set(RULE_IDS));
	});

	test.each(ruleFolders)('%s: reports the mistake at its file, line and column', (folder) => {
		const rule = ruleOf(folder);
		const dir = join(INVALID, folder);
		const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trimEnd().split('\n');
		const { issues } = validateGeoFiles(readGeoDir(dir));
		expect(issues.map(formatIssue)).toEqual(expected);
		expect(issues.map((i) => i.rule)).toEqual(expected.map(() => rule));
		for (const issue of issues) {
			expect(issue.line).toBeGreaterThan(0);
			expect(issue.column).toBeGreaterThan(0);
		}
	});

	test.each(ruleFolders)('%s: blocks the dataset unless it is only a warning', (folder) => {
		const rule = ruleOf(folder);
		const { issues, dataset } = validateGeoFiles(readGeoDir(join(INVALID, folder)));
		const onlyWarnings = issues.every((i) => i.severity === 'warning');
		expect(onlyWarnings).toBe(rule === 'unused-document');
		expect(dataset === null).toBe(!onlyWarnings);
	});

	test('the fixture reader only picks up data files', () => {
		const keys = Object.keys(readGeoDir(join(INVALID, 'schema')));
		expect(keys.every((k) => k.endsWith('.json') || k.endsWith('.geojson'))).toBe(true);
		expect(keys).not.toContain('expected.txt');
	});
});
