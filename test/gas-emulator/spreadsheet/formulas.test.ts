// Formulas: evaluation of the supported subset, and references kept right as rows, columns and sheets change.
import { messageOf, setup } from './fake-context';

function book() {
  const s = setup();
  s.sheet.getRange('A1:C4').setValues([
    ['name', 'stage', 'score'],
    ['Ana', 'onsite', 5],
    ['Ben', 'offer', 3],
    ['Cy', 'onsite', 4],
  ]);
  return s;
}

describe('evaluation', () => {
  it('computes the supported functions and operators', () => {
    const { sheet } = book();
    const formulas = [
      '=SUM(C2:C4)',
      '=COUNT(C1:C5)',
      '=COUNTA(A1:A5)',
      '=COUNTIF(B2:B4,"onsite")',
      '=SUMIF(B2:B4,"onsite",C2:C4)',
      '=AVERAGE(C2:C4)',
      '=MIN(C2:C4)',
      '=MAX(C2:C4)',
      '=IF(C2>4,"hi","lo")',
      '=LEN(A2)&"!"',
      '=VLOOKUP("ben",A2:C4,3,FALSE)',
      '=(1+2)*3-4/2',
      '=COUNTIF(C2:C4,">=4")',
      '=A2="ana"',
    ];
    sheet.getRange(6, 1, 1, formulas.length).setFormulas([formulas]);
    expect(sheet.getRange(6, 1, 1, formulas.length).getValues()[0]).toEqual([
      12,
      3,
      4,
      2,
      9,
      4,
      3,
      5,
      'hi',
      '3!',
      3,
      7,
      2,
      true,
    ]);
  });

  it('shows errors: unknown functions, bad references, division by zero, missing lookups, cycles', () => {
    const { sheet } = book();
    sheet
      .getRange('E1:E6')
      .setFormulas([['=NOPE(1)'], ['=1/0'], ['=VLOOKUP("zed",A2:C4,2,FALSE)'], ['=Missing!A1'], ['=E5+1'], ['=SUM(1']]);
    expect(sheet.getRange('E1:E6').getValues().flat()).toEqual([
      '#NAME?',
      '#DIV/0!',
      '#N/A',
      '#REF!',
      '#REF!',
      '#ERROR!',
    ]);
    expect(sheet.getRange('E1:E2').getDisplayValues().flat()).toEqual(['#NAME?', '#DIV/0!']);
  });

  it('reads other sheets, blanks and dates through references', () => {
    const { sheet, ss, realm } = book();
    const other = ss.insertSheet('Other data');
    other.getRange('A1:A2').setValues([[10], ['2026-01-05']]);
    sheet.getRange('F1:F3').setFormulas([["='Other data'!A1*2"], ["='Other data'!A2+1"], ['=Z99']]);
    const values = sheet.getRange('F1:F3').getValues().flat();
    expect(values[0]).toBe(20);
    expect(values[1]).toBeInstanceOf(realm.Date);
    expect(values[2]).toBe('');
  });

  it('upper-cases function names and references as Sheets does', () => {
    const { sheet } = book();
    sheet.getRange('G1').setValue('=sum(c2:c4)');
    expect(sheet.getRange('G1').getFormula()).toBe('=SUM(C2:C4)');
    expect(sheet.getRange('G1').getValue()).toBe(12);
  });
});

describe('references follow structural changes', () => {
  it('shifts references below an inserted row in every sheet, and grows spanning ranges', () => {
    const { sheet, ss, inspector } = book();
    const summary = ss.insertSheet('Summary');
    summary.getRange('A1:B1').setFormulas([['=SUM(Sheet1!C2:C4)', '=Sheet1!A1']]);
    sheet.getRange('E1').setFormula('=C3*2');
    sheet.insertRowsAfter(2, 3);
    expect(inspector.sheet('Summary').formulas()[0]).toEqual(['=SUM(Sheet1!C2:C7)', '=Sheet1!A1']);
    expect(sheet.getRange('E1').getFormula()).toBe('=C6*2');
    expect(summary.getRange('A1').getValue()).toBe(12);
  });

  it('shrinks ranges on row deletion and turns deleted cells into #REF!', () => {
    const { sheet, ss } = book();
    const summary = ss.insertSheet('Summary');
    summary.getRange('A1:C1').setFormulas([['=SUM(Sheet1!C2:C4)', '=Sheet1!C3', '=Sheet1!C4']]);
    sheet.deleteRow(3);
    expect(summary.getRange('A1:C1').getFormulas()).toEqual([['=SUM(Sheet1!C2:C3)', '=#REF!', '=Sheet1!C3']]);
    expect(summary.getRange('A1:C1').getValues()).toEqual([[9, '#REF!', 4]]);
  });

  it('adjusts columns on insertion and deletion, whole-column references included', () => {
    const { sheet, ss } = book();
    const summary = ss.insertSheet('Summary');
    summary.getRange('A1:B1').setFormulas([['=SUM(Sheet1!C:C)', '=COUNTA(Sheet1!A:C)']]);
    sheet.insertColumnsBefore(2, 1);
    expect(summary.getRange('A1:B1').getFormulas()).toEqual([['=SUM(Sheet1!D:D)', '=COUNTA(Sheet1!A:D)']]);
    sheet.deleteColumn(4);
    expect(summary.getRange('A1:B1').getFormulas()).toEqual([['=SUM(#REF!)', '=COUNTA(Sheet1!A:C)']]);
  });

  it('rewrites references on sheet rename and breaks them on sheet delete', () => {
    const { ss } = book();
    const data = ss.insertSheet('Data');
    data.getRange('A1').setValue(7);
    const summary = ss.insertSheet('Summary');
    summary.getRange('A1').setFormula('=Data!A1+1');
    data.setName('Lever data');
    expect(summary.getRange('A1').getFormula()).toBe("='Lever data'!A1+1");
    expect(summary.getRange('A1').getValue()).toBe(8);
    ss.deleteSheet(ss.getSheetByName('Lever data')!);
    expect(summary.getRange('A1').getFormula()).toBe('=#REF!+1');
    expect(summary.getRange('A1').getValue()).toBe('#REF!');
  });

  it('leaves other formulas alone when values are written', () => {
    const { sheet } = book();
    sheet.getRange('E1').setFormula('=SUM(C2:C4)');
    sheet.getRange('A2:C4').setValues([
      ['x', 'y', 1],
      ['x', 'y', 1],
      ['x', 'y', 1],
    ]);
    expect(sheet.getRange('E1').getFormula()).toBe('=SUM(C2:C4)');
    expect(sheet.getRange('E1').getValue()).toBe(3);
  });

  it('applies user edits through the inspector the same way', () => {
    const { inspector, ss } = book();
    ss.insertSheet('Summary').getRange('A1').setFormula('=Sheet1!C4');
    const user = inspector.sheet('Sheet1');
    user.insertColumnAfter(1);
    user.deleteRows(2, 1);
    expect(inspector.sheet('Summary').formulas()).toEqual([['=Sheet1!D3']]);
    inspector.setSheetName('Sheet1', 'Raw');
    expect(inspector.sheet('Summary').formulas()).toEqual([['=Raw!D3']]);
    expect(inspector.sheet('Summary').values()).toEqual([[4]]);
    user.type('D3', '=1+1');
    expect(inspector.sheet('Summary').values()).toEqual([[2]]);
    expect(messageOf(() => inspector.sheet('Nope'))).toBe('No sheet named "Nope"');
  });
});
