// The SpreadsheetApp enums the emulator supports; each value prints as its name, like Apps Script enums.

export interface EnumValue {
  readonly name: string;
  toString(): string;
  toJSON(): string;
}

function makeEnum<K extends string>(names: readonly K[]): Readonly<Record<K, EnumValue>> {
  const values = {} as Record<K, EnumValue>;
  for (const name of names) values[name] = Object.freeze({ name, toString: () => name, toJSON: () => name });
  return Object.freeze(values);
}

export const DIMENSION = makeEnum(['COLUMNS', 'ROWS']);
export const SHEET_TYPE = makeEnum(['GRID', 'OBJECT', 'DATASOURCE']);
export const BORDER_STYLE = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
export const WRAP_STRATEGY = makeEnum(['WRAP', 'OVERFLOW', 'CLIP']);
export const BUTTON = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const BUTTON_SET = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
