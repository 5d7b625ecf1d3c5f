// A1 notation for the fake ranges: "B3", "A1:C10", "A:C" (whole columns) and "2:4" (whole rows).
export interface Box { row: number; col: number; numRows: number; numCols: number }

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row}`;
  if (box.numRows === 1 && box.numCols === 1) return start;
  return `${start}:${columnLetters(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
}

const CELL = /^\$?([A-Za-z]+)\$?(\d+)$/;

/** Null when the text is not A1 notation the fake understands. */
export function parseA1(a1: string, maxRows: number, maxCols: number): Box | null {
  const [from, to = from] = a1.trim().split(':') as [string, string?];
  if (/^[A-Za-z]+$/.test(from) && /^[A-Za-z]+$/.test(to)) {
    const a = columnNumber(from);
    const b = columnNumber(to);
    return { row: 1, col: Math.min(a, b), numRows: maxRows, numCols: Math.abs(b - a) + 1 };
  }
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const a = Number(from);
    const b = Number(to);
    return { row: Math.min(a, b), col: 1, numRows: Math.abs(b - a) + 1, numCols: maxCols };
  }
  const m1 = CELL.exec(from);
  const m2 = CELL.exec(to);
  if (!m1 || !m2) return null;
  const r1 = Number(m1[2]);
  const r2 = Number(m2[2]);
  const c1 = columnNumber(m1[1] as string);
  const c2 = columnNumber(m2[1] as string);
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}
