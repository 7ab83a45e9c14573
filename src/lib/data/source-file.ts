/**
 * One input file with what it takes to turn a JSON path or a character offset into a line and
 * column. Input that arrives already parsed (no text) has no positions: they report as 0:0.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from './issues.ts';

export interface SourceFile {
	/** Path relative to the geo/ root, e.g. "claims.json" or "briefings/demo.json". */
	key: string;
	/** Path shown to people, e.g. "geo/claims.json". */
	file: string;
	text: string | null;
	/** Parsed value; undefined when the text is not valid JSON. */
	value: unknown;
	/** Syntax tree with offsets, from jsonc-parser; null without text. */
	root: Node | null;
	lineStarts: number[];
}

/**
 * What the validator refuses to read, so a wrong or hostile file gets a message instead of
 * exhausting memory or the stack. geo/README.md states them; the largest file shipped (the
 * basemap's admin1.geojson) is about 1.3 MB, its longest ring about 4,300 points, and no file of
 * the data model nests deeper than about 10 levels.
 */
export const LIMITS = {
	/** Bytes (or UTF-16 code units for text handed over as a string) per file. */
	fileBytes: 10 * 1024 * 1024,
	/** Nesting of lists and objects. */
	depth: 64,
	/** Points in one ring or line. */
	ringPoints: 20_000
} as const;

export interface Position {
	line: number;
	column: number;
}

export function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === 10) starts.push(i + 1);
	}
	return starts;
}

export function positionAt(source: SourceFile, offset: number): Position {
	if (source.text === null) return { line: 0, column: 0 };
	const starts = source.lineStarts;
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** The syntax node at a path, or at its deepest existing ancestor when the path runs out. */
export function nodeAt(source: SourceFile, path: JsonPath): Node | null {
	if (!source.root) return null;
	for (let n = path.length; n >= 0; n--) {
		const node = findNodeAtLocation(source.root, path.slice(0, n));
		if (node) return node;
	}
	return source.root;
}

/**
 * Position of the value at a path. A value that belongs to an object property is reported at
 * the property's key, which is the line a maintainer looks for ("status": ...). A path that does
 * not exist (a missing field) reports at its nearest existing ancestor.
 */
export function locate(source: SourceFile, path: JsonPath): Position {
	const node = nodeAt(source, path);
	if (!node) return { line: 0, column: 0 };
	const anchor = node.parent?.type === 'property' ? node.parent : node;
	return positionAt(source, anchor.offset);
}
