/** Expression helpers the kinds share. */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

/** A `match` expression from (label, output) pairs; TypeScript cannot type the spread itself. */
export function match(
	input: ExpressionSpecification,
	cases: Array<[string, unknown]>,
	fallback: unknown
): ExpressionSpecification {
	if (cases.length === 0) return fallback as ExpressionSpecification;
	return ['match', input, ...cases.flat(), fallback] as unknown as ExpressionSpecification;
}

export const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
export const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
