// Column letters <-> numbers, and cell coordinates as A1 text.

export function columnLetters(column: number): string {
  let letters = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'B2' for one cell, 'B2:D4' otherwise (1-based, inclusive). */
export function a1Of(row: number, column: number, numRows = 1, numColumns = 1): string {
  const first = columnLetters(column) + row;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
