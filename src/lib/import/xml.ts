/**
 * KML and GPX import: the XML is read by @xmldom/xmldom (a maintained XML DOM that works in a
 * Web Worker, where the browser has no DOMParser) and converted by @tmcw/togeojson; each
 * resulting feature then goes through the atlas's own geometry checks. Messages name the element
 * (KML Placemark, GPX waypoint, route or track) and its line.
 */
import { kml, gpx } from '@tmcw/togeojson';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { LayerBuilder } from './layer-builder.ts';
import { LIMITS } from './limits.ts';
import { refusal, tooMany, type ImportOutcome, type ProgressFn } from './types.ts';

/** xmldom appends "@#[line:3,col:14]" to its messages; turn it into words. */
function splitXmlMessage(message: string): { where: string; text: string } {
	const m = /@?#\[line:(\d+),col:(\d+)\]/.exec(message);
	const text = message
		.replace(/\s*@?#\[line:\d+,col:\d+\]/, '')
		.replace(/^\[xmldom \w+\]\s*/, '')
		.split('\n')[0]!
		.trim();
	return { where: m ? `line ${m[1]}, column ${m[2]}` : 'the file', text };
}

const ELEMENTS: Record<'kml' | 'gpx', string[]> = {
	kml: ['Placemark'],
	gpx: ['trk', 'rte', 'wpt']
};

export function importXml(
	text: string,
	format: 'kml' | 'gpx',
	layerId: string,
	progress: ProgressFn = () => {}
): ImportOutcome {
	// Entity declarations are how "billion laughs" files blow up; real KML and GPX never need them.
	const entity = /<!ENTITY/i.exec(text);
	if (entity) {
		const line = text.slice(0, entity.index).split('\n').length;
		return refusal(
			'The file declares XML entities (<!ENTITY ...>). KML and GPX never need them and they can be used to exhaust memory, so the file is refused.',
			`line ${line}`
		);
	}
	const problems: Array<{ where: string; text: string }> = [];
	let doc;
	try {
		doc = new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') problems.push(splitXmlMessage(message));
			}
		}).parseFromString(text, 'text/xml');
	} catch (err) {
		// A fatal error throws a ParseError that carries where it stopped.
		const locator = (err as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
		const where = locator?.lineNumber
			? `line ${locator.lineNumber}, column ${locator.columnNumber ?? 1}`
			: null;
		const last =
			problems.pop() ?? splitXmlMessage(err instanceof Error ? err.message : String(err));
		problems.push(where ? { ...last, where } : last);
	}
	if (!doc || problems.length > 0) {
		return {
			kind: 'refused',
			issues: problems.slice(0, 5).map((p) => ({
				where: p.where,
				message: `This is not well-formed XML: ${p.text}.`
			}))
		};
	}
	const root = doc.documentElement;
	const rootName = root?.localName ?? root?.nodeName;
	if (rootName !== format) {
		return refusal(
			`The file is XML but its root element is <${rootName ?? 'none'}>, not <${format}>: it is not a ${format.toUpperCase()} file.`,
			root ? `<${root.nodeName}> at line ${root.lineNumber ?? 1}` : 'the file'
		);
	}
	progress('Converting the features', 0.3);
	const collection = format === 'kml' ? kml(doc) : gpx(doc);
	if (collection.features.length > LIMITS.maxFeatures) {
		return tooMany(collection.features.length, 'features', LIMITS.maxFeatures);
	}
	// togeojson converts elements in document order, so the nth feature is the nth element when
	// every element became a feature; otherwise messages name the feature by number and name.
	const elements: XmlElement[] = [];
	for (const tag of ELEMENTS[format]) {
		const list = doc.getElementsByTagName(tag);
		for (let i = 0; i < list.length; i++) elements.push(list[i]!);
	}
	const aligned = elements.length === collection.features.length;
	const builder = new LayerBuilder(layerId, format, format === 'kml' ? 'Placemark' : 'feature');
	const step = Math.max(1, Math.floor(collection.features.length / 20));
	collection.features.forEach((f, i) => {
		if (i % step === 0)
			progress('Checking the features', 0.3 + (0.65 * i) / collection.features.length);
		const name = typeof f.properties?.['name'] === 'string' ? ` "${f.properties['name']}"` : '';
		const where = () => {
			const el = aligned ? elements[i] : undefined;
			return el
				? `<${el.nodeName}>${name} at line ${el.lineNumber ?? '?'}`
				: `feature ${i + 1}${name}`;
		};
		builder.add(f.geometry, f.properties, where);
	});
	return builder.finish();
}
