/**
 * npm run geo:check [-- [dir] [--json]]
 *
 * Validates every data file under geo/ (or the given directory) and prints one line per problem,
 * `file:line:column: rule: message`, or a JSON array of issues with --json. Exits 1 when there is
 * any error, 0 when there are only warnings or nothing at all.
 */
import { existsSync, statSync } from 'node:fs';
import { displayPrefix, readGeoDir } from '../src/lib/data/geo-files.server.ts';
import { formatIssue, hasErrors } from '../src/lib/data/issues.ts';
import { validateGeoFiles } from '../src/lib/data/validate.ts';

function main(argv: string[]): number {
	const json = argv.includes('--json');
	const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
	const dirs = argv.filter((a) => !a.startsWith('-'));
	if (unknown.length > 0 || dirs.length > 1) {
		console.error('usage: npm run geo:check -- [dir] [--json]');
		return 2;
	}
	const dir = dirs[0] ?? 'geo';
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		console.error(`geo:check: ${dir} is not a directory.`);
		return 2;
	}
	const files = readGeoDir(dir);
	const { issues } = validateGeoFiles(files, { prefix: displayPrefix(dir) });
	if (json) {
		console.log(JSON.stringify(issues, null, '\t'));
	} else {
		for (const issue of issues) console.log(formatIssue(issue));
		const errors = issues.filter((i) => i.severity === 'error').length;
		const warnings = issues.length - errors;
		const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
		console.error(
			`geo:check: ${plural(Object.keys(files).length, 'file')} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`
		);
	}
	return hasErrors(issues) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
