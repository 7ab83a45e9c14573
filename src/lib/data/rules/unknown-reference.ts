/**
 * unknown-reference: every id one item uses to point at another must exist: claim -> claimant,
 * claim -> document, claim -> disputing or qualified claim, claim scope -> basemap region,
 * feature -> claim, flow end -> feature or basemap entry, briefing step -> feature and claims. A
 * dangling id would show as a blank on the map's panel.
 */
import { GEO_FILES } from '../geo-layout.ts';
import type { Anchor } from '../schema.ts';
import type { Collection, Finding, Rule } from './types.ts';

export const unknownReference: Rule = {
	id: 'unknown-reference',
	severity: 'error',
	check({ model, prefix }) {
		const findings: Finding[] = [];
		// An id counts as known if its item passed the schema, or failed it (already reported), or
		// if its whole file is missing or unreadable (also already reported): one cause, one issue.
		const known = (collection: Collection, ids: { value: { id: string } }[]) => {
			const set = new Set(ids.map((i) => i.value.id));
			return {
				has: (id: string) =>
					!model.loaded.has(collection) || set.has(id) || model.rejected[collection].has(id)
			};
		};
		const documents = known('documents', model.documents);
		const claimants = known('claimants', model.claimants);
		const claims = known('claims', model.claims);
		const features = known('features', model.features);
		const file = (key: string) => `${prefix}${key}`;

		for (const c of model.claims) {
			const claim = c.value;
			if (!claimants.has(claim.claimant)) {
				findings.push({
					source: c.source,
					path: [...c.path, 'claimant'],
					message: `Claim "${claim.id}" names claimant "${claim.claimant}", but ${file(GEO_FILES.claimants)} has no claimant with that id.`
				});
			}
			claim.documents.forEach((doc, i) => {
				if (documents.has(doc)) return;
				findings.push({
					source: c.source,
					path: [...c.path, 'documents', i],
					message: `Claim "${claim.id}" cites document "${doc}", but ${file(GEO_FILES.documents)} has no document with that id.`
				});
			});
			claim.disputed_by.forEach((other, i) => {
				if (claims.has(other)) return;
				findings.push({
					source: c.source,
					path: [...c.path, 'disputed_by', i],
					message: `Claim "${claim.id}" is disputed by claim "${other}", but no claim has that id.`
				});
			});
			(claim.bears_on ?? []).forEach((other, i) => {
				if (claims.has(other)) return;
				findings.push({
					source: c.source,
					path: [...c.path, 'bears_on', i],
					message: `Claim "${claim.id}" bears on claim "${other}", but no claim has that id.`
				});
			});
			if (claim.scope.kind === 'regions' && model.admin1) {
				const admin1 = model.admin1;
				claim.scope.regions.forEach((code, i) => {
					if (admin1.has(code)) return;
					findings.push({
						source: c.source,
						path: [...c.path, 'scope', 'regions', i],
						message: `Claim "${claim.id}" puts people in region "${code}", which is not in ${file(GEO_FILES.admin1)}.`
					});
				});
			}
		}

		const checkAnchor = (
			anchor: Anchor,
			featureId: string,
			at: Finding['path'],
			f: (typeof model.features)[number]
		) => {
			if (anchor.kind === 'feature-centroid' && !features.has(anchor.feature)) {
				findings.push({
					source: f.source,
					path: at,
					message: `Feature "${featureId}" starts or ends its flow at feature "${anchor.feature}", but no feature has that id.`
				});
			}
			if (anchor.kind === 'admin1-label' && model.admin1 && !model.admin1.has(anchor.iso_3166_2)) {
				findings.push({
					source: f.source,
					path: at,
					message: `Feature "${featureId}" uses region "${anchor.iso_3166_2}", which is not in ${file(GEO_FILES.admin1)}.`
				});
			}
			if (anchor.kind === 'place' && model.places && !model.places.has(anchor.geonames_id)) {
				findings.push({
					source: f.source,
					path: at,
					message: `Feature "${featureId}" uses place ${anchor.geonames_id}, but no place in ${file(GEO_FILES.places)} has that GeoNames id.`
				});
			}
		};

		for (const f of model.features) {
			const { id, properties } = f.value;
			const base = [...f.path, 'properties'];
			properties.claims.forEach((claim, i) => {
				if (claims.has(claim)) return;
				findings.push({
					source: f.source,
					path: [...base, 'claims', i],
					message: `Feature "${id}" lists claim "${claim}", but ${file(GEO_FILES.claims)} has no claim with that id.`
				});
			});
			const gp = properties.geometry_provenance;
			const gpPath = [...base, 'geometry_provenance'];
			if (gp.method === 'great-circle') {
				checkAnchor(gp.from, id, [...gpPath, 'from'], f);
				checkAnchor(gp.to, id, [...gpPath, 'to'], f);
			}
			if (
				(gp.method === 'admin1' || gp.method === 'admin1-label') &&
				model.admin1 &&
				!model.admin1.has(gp.iso_3166_2)
			) {
				findings.push({
					source: f.source,
					path: [...gpPath, 'iso_3166_2'],
					message: `Feature "${id}" is drawn from region "${gp.iso_3166_2}", which is not in ${file(GEO_FILES.admin1)}.`
				});
			}
			if (gp.method === 'admin1-set' && model.admin1) {
				gp.iso_3166_2.forEach((iso, k) => {
					if (model.admin1!.has(iso)) return;
					findings.push({
						source: f.source,
						path: [...gpPath, 'iso_3166_2', k],
						message: `Feature "${id}" is drawn from region "${iso}", which is not in ${file(GEO_FILES.admin1)}.`
					});
				});
			}
			if (gp.method === 'place' && model.places && !model.places.has(gp.geonames_id)) {
				findings.push({
					source: f.source,
					path: [...gpPath, 'geonames_id'],
					message: `Feature "${id}" is placed at GeoNames id ${gp.geonames_id}, which is not in ${file(GEO_FILES.places)}.`
				});
			}
		}

		for (const b of model.briefings) {
			b.value.steps.forEach((step, i) => {
				step.claims.forEach((claim, j) => {
					if (claims.has(claim)) return;
					findings.push({
						source: b.source,
						path: [...b.path, 'steps', i, 'claims', j],
						message: `Step "${step.id}" of briefing "${b.value.id}" rests on claim "${claim}", but no claim has that id.`
					});
				});
				if (step.selected === null || features.has(step.selected)) return;
				findings.push({
					source: b.source,
					path: [...b.path, 'steps', i, 'selected'],
					message: `Step "${step.id}" of briefing "${b.value.id}" selects feature "${step.selected}", but no feature has that id.`
				});
			});
		}
		return findings;
	}
};
