// Ends every test run with one plain line, "N passed, N failed, N skipped", that any CI log reader understands.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    // Jest prints its own summary after every reporter has finished, so this goes out as the process ends.
    process.on('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
