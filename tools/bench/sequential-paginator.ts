// The baseline the benchmark compares against: a plain Apps Script paginator, one request at a time, one write per page.
// It runs in the same emulator and cost model as the add-on, as its own tiny script.

export const SEQUENTIAL_PAGINATOR_SOURCE = `
function importSequentially(baseUrl, apiKey, sheetName) {
  var auth = 'Basic ' + Utilities.base64Encode(apiKey + ':', Utilities.Charset.UTF_8);
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)
    || SpreadsheetApp.getActiveSpreadsheet().insertSheet(sheetName);
  var row = 1;
  var offset = null;
  var records = 0;
  do {
    var url = baseUrl + '/opportunities?limit=100&archived=false&snoozed=false' + (offset ? '&offset=' + encodeURIComponent(offset) : '');
    var response = UrlFetchApp.fetch(url, { headers: { Authorization: auth }, muteHttpExceptions: true });
    if (response.getResponseCode() === 429) { Utilities.sleep(1000); continue; }
    if (response.getResponseCode() !== 200) throw new Error('HTTP ' + response.getResponseCode());
    var page = JSON.parse(response.getContentText());
    var rows = page.data.map(function (o) { return [o.id, o.name, new Date(o.createdAt)]; });
    if (rows.length) {
      if (sheet.getMaxRows() < row + rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), row + rows.length - sheet.getMaxRows());
      sheet.getRange(row, 1, rows.length, 3).setValues(rows);
      row += rows.length;
      records += rows.length;
    }
    offset = page.hasNext ? page.next : null;
  } while (offset);
  return records;
}
`;
