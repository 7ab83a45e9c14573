/**
 * What a briefing step looks like as an exported figure or handout page: its title, subtitle,
 * time, layers and a file name. Shared by the render CLI (`--briefing <id> --out <dir>`) and the
 * handout, so both name and title the same step the same way.
 */
import type { Briefing, BriefingStep, CategoryId, TimeMode } from '../data/schema.ts';

export interface StepFigure {
	step: BriefingStep;
	/** "North Korean personnel in Russia, 2024-2025 (step 3 of 9)". */
	title: string;
	/** The step's caption. */
	subtitle: string;
	time: { mode: TimeMode; date: string } | null;
	layers: CategoryId[];
	/** "deployments-2024-2025-03-combat-ends": sorts in step order, safe on any file system. */
	fileStem: string;
}

/** Every step of a briefing as a figure, in order. */
export function briefingFigures(briefing: Briefing): StepFigure[] {
	const count = briefing.steps.length;
	const width = String(count).length;
	return briefing.steps.map((step, i) => ({
		step,
		title: `${briefing.title} (step ${i + 1} of ${count})`,
		subtitle: step.caption,
		time: step.time,
		layers: [...step.layers],
		// Ids match ID_PATTERN (lowercase letters, digits, single hyphens), so the stem needs no escaping.
		fileStem: `${briefing.id}-${String(i + 1).padStart(Math.max(2, width), '0')}-${step.id}`
	}));
}

/** "deployments-2024-2025-03-combat-ends@a4-landscape-300dpi.png". */
export function exportFileName(stem: string, presetId: string): string {
	return `${stem}@${presetId}.png`;
}
