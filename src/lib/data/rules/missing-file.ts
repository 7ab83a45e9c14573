/** missing-file: the four evidence files must exist; without one, nothing on the map can be traced. */
import { REQUIRED_FILES } from '../geo-layout.ts';
import type { SourceFile } from '../source-file.ts';
import type { Rule } from './types.ts';

const PURPOSE: Record<(typeof REQUIRED_FILES)[number], string> = {
	'documents.json': 'the documents that were read',
	'claimants.json': 'who makes the claims',
	'claims.json': 'the claims drawn from the documents',
	'features.geojson': 'the features drawn on the map'
};

export const missingFile: Rule = {
	id: 'missing-file',
	severity: 'error',
	check(ctx) {
		return REQUIRED_FILES.filter((key) => !ctx.keys.includes(key)).map((key) => {
			// A file that is not there is reported at 1:1 of the path where it belongs.
			const source: SourceFile = {
				key,
				file: `${ctx.prefix}${key}`,
				text: '',
				value: undefined,
				root: null,
				lineStarts: [0]
			};
			return {
				source,
				message: `The file ${ctx.prefix}${key} is missing; it must list ${PURPOSE[key]}, even if the list is empty.`
			};
		});
	}
};
