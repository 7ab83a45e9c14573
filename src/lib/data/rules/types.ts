/**
 * What rules see and what they return. Rules report findings against a file and a JSON path (or
 * a character offset); the validator turns those into lines and columns, so no rule deals with
 * positions itself.
 */
import type { JsonPath, RuleId, Severity } from '../issues.ts';
import type { Briefing, Claim, Claimant, DeploymentFeature, Document } from '../schema.ts';
import type { SourceFile } from '../source-file.ts';

export interface Finding {
	source: SourceFile;
	/** Where in the file; the validator reports at this path's property key. */
	path?: JsonPath;
	/** Character offset, for findings from a text scan (syntax, GeoJSON structure). */
	offset?: number;
	message: string;
}

/** A value that passed its schema, with the file and path it came from. */
export interface Located<T> {
	value: T;
	source: SourceFile;
	path: JsonPath;
}

export interface BasemapRegion {
	name_en: string;
	country: string;
}

/** The items that passed the schema, item by item, plus basemap ids for reference checks. */
export interface Model {
	documents: Located<Document>[];
	claimants: Located<Claimant>[];
	claims: Located<Claim>[];
	features: Located<DeploymentFeature>[];
	briefings: Located<Briefing>[];
	/** ISO 3166-2 codes in geo/basemap/admin1.geojson; null when that file is absent. */
	admin1: Map<string, BasemapRegion> | null;
	/** GeoNames ids in geo/basemap/places.geojson; null when that file is absent. */
	places: Map<number, string> | null;
	/**
	 * Items that failed the schema, by id, as raw values. Rules treat these ids as existing and
	 * skip what they cannot judge, so one broken item is reported once, not again by every rule
	 * that refers to it.
	 */
	rejected: Record<Collection, Map<string, unknown>>;
	/** Collections whose file was present and readable as a list; rules skip the others. */
	loaded: Set<Collection>;
}

export type Collection = 'documents' | 'claimants' | 'claims' | 'features' | 'briefings';

export interface RuleContext {
	/** Every file that parsed as JSON. */
	sources: SourceFile[];
	/** GeoJSON files whose structure is sound, so geometry rules can walk them safely. */
	geojson: SourceFile[];
	/** Keys (relative to the geo/ root) of every file given, parsed or not. */
	keys: string[];
	/** Prepended to keys for display, e.g. "geo/". */
	prefix: string;
	model: Model;
}

export interface Rule {
	id: RuleId;
	severity: Severity;
	check(ctx: RuleContext): Finding[];
}
