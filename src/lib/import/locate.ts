/** Line and column (both from 1) of character offsets in a text, for messages. */
export class LineIndex {
	private starts: number[] = [0];
	constructor(text: string) {
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
			this.starts.push(i + 1);
		}
	}
	at(offset: number): { line: number; column: number } {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
	}
	where(offset: number): string {
		const { line, column } = this.at(offset);
		return `line ${line}, column ${column}`;
	}
}
