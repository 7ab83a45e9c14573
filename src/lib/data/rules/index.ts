/** The rules that run on the checked model, in reporting order. */
import { announcementStatus } from './announcement-status.ts';
import { coordinateRange } from './coordinate-range.ts';
import { dateFormat } from './date-format.ts';
import { dateOrder } from './date-order.ts';
import { dateSource } from './date-source.ts';
import { disputeStatus } from './dispute-status.ts';
import { duplicateId } from './duplicate-id.ts';
import { featureUnsupported } from './feature-unsupported.ts';
import { geometryProvenance } from './geometry-provenance.ts';
import { geometryValid } from './geometry-valid.ts';
import { missingFile } from './missing-file.ts';
import { opinionSupport } from './opinion-support.ts';
import { ringClosed } from './ring-closed.ts';
import type { Rule } from './types.ts';
import { unknownReference } from './unknown-reference.ts';
import { unusedDocument } from './unused-document.ts';
import { zoneScope } from './zone-scope.ts';

export const MODEL_RULES: readonly Rule[] = [
	missingFile,
	duplicateId,
	unknownReference,
	disputeStatus,
	dateFormat,
	dateOrder,
	coordinateRange,
	ringClosed,
	geometryValid,
	geometryProvenance,
	featureUnsupported,
	zoneScope,
	dateSource,
	announcementStatus,
	opinionSupport,
	unusedDocument
];
