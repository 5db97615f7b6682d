// The baseline: a careful sequential Apps Script paginator, one request at a time, every row buffered and written at
// the end in large setValues; it saves its place and resumes in a new execution before the 6-minute limit.
// It runs in the same emulator and cost model as the add-on, as its own small script.

export const BASELINE_STATE_KEY = 'baseline.state';

/** Arguments of importSequentially: the sheet is as wide as the add-on's, so both pay for the same cells. */
export interface BaselineArgs {
  baseUrl: string;
  apiKey: string;
  sheetName: string;
  width: number;
}

export const SEQUENTIAL_PAGINATOR_SOURCE = `
var FETCH_BUDGET_MS = 270000; // stop fetching at 4.5 minutes: the write and the save need the rest
var CELLS_PER_WRITE = 500000;
var BYTES_PER_WRITE = 1800000;
var QUERY = '/opportunities?limit=100&archived=false&snoozed=false&confidentiality=all';

function importSequentially(baseUrl, apiKey, sheetName, width) {
  var started = Date.now();
  var props = PropertiesService.getDocumentProperties();
  var state = JSON.parse(props.getProperty('${BASELINE_STATE_KEY}') || '{"offset":null,"row":1}');
  var auth = 'Basic ' + Utilities.base64Encode(apiKey + ':', Utilities.Charset.UTF_8);
  var book = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = book.getSheetByName(sheetName) || book.insertSheet(sheetName);
  var buffer = [];
  var offset = state.offset;
  do {
    var page = fetchPage(baseUrl + QUERY + (offset ? '&offset=' + encodeURIComponent(offset) : ''), auth);
    for (var i = 0; i < page.data.length; i++) buffer.push(toRow(page.data[i], width));
    offset = page.hasNext ? page.next : null;
  } while (offset && Date.now() - started < FETCH_BUDGET_MS);
  state.row = writeRows(sheet, buffer, state.row, width);
  state.offset = offset;
  if (offset) props.setProperty('${BASELINE_STATE_KEY}', JSON.stringify(state));
  else props.deleteProperty('${BASELINE_STATE_KEY}');
  return { status: offset ? 'continuing' : 'succeeded', rows: state.row - 1 };
}

function fetchPage(url, auth) {
  for (var attempt = 1; ; attempt++) {
    var response = UrlFetchApp.fetch(url, { headers: { Authorization: auth }, muteHttpExceptions: true });
    var code = response.getResponseCode();
    if (code === 200) return JSON.parse(response.getContentText());
    if ((code !== 429 && code < 500) || attempt >= 5) throw new Error('HTTP ' + code);
    Utilities.sleep(1000 * attempt);
  }
}

function toRow(o, width) {
  var row = [o.id, o.name, o.headline, o.stage, (o.applications || []).join(', '), o.owner || '', o.origin,
    (o.sources || []).join(', '), (o.tags || []).join(', '), o.location, o.confidentiality, !!o.archived,
    o.archived ? o.archived.reason : '', new Date(o.createdAt), o.updatedAt ? new Date(o.updatedAt) : '',
    new Date(o.lastInteractionAt), new Date(o.lastAdvancedAt), (o.emails || []).join(', ')];
  row.length = Math.min(row.length, width);
  while (row.length < width) row.push('');
  return row;
}

function writeRows(sheet, rows, row, width) {
  if (rows.length === 0) return row;
  var needed = row - 1 + rows.length;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  var perWrite = Math.max(1, Math.floor(CELLS_PER_WRITE / width));
  // Calls of at most CELLS_PER_WRITE cells and BYTES_PER_WRITE (Google's ~2 MB payloads; 2 bytes a character covers
  // accented text).
  for (var i = 0, bytes = 0, first = 0; i <= rows.length; i++) {
    var size = i < rows.length ? JSON.stringify(rows[i]).length * 2 : 0;
    if (i === rows.length || (i > first && (i - first >= perWrite || bytes + size > BYTES_PER_WRITE))) {
      if (i > first) sheet.getRange(row + first, 1, i - first, width).setValues(rows.slice(first, i));
      first = i;
      bytes = 0;
    }
    bytes += size;
  }
  return row + rows.length;
}
`;
