/**
 * Public entry for the evidence model, safe for the browser. Server code that reads geo/ from
 * disk imports `loadGeo` from './geo-files.server.ts' instead.
 */
export * from './schema.ts';
export * from './dates.ts';
export {
	RULE_IDS,
	formatIssue,
	compareIssues,
	hasErrors,
	GeoValidationError,
	type Issue,
	type RuleId,
	type Severity,
	type JsonPath
} from './issues.ts';
export {
	validateGeoFiles,
	validateGeoFilesOrThrow,
	parseDataset,
	type GeoFiles,
	type ValidateOptions,
	type ValidationResult,
	type ParseDatasetResult
} from './validate.ts';
export { toMapFeatures, type MapFeatureProperties } from './map-features.ts';
export { GEO_FILES, REQUIRED_FILES } from './geo-layout.ts';
