// Prints "N passed, N failed, N skipped" from a vitest JSON report; exits 1 when the report is
// missing or ran no test, so an empty run can never look green.
import { readFileSync } from 'node:fs'

const path = process.argv[2] ?? '.vitest-report.json'
let report
try {
  report = JSON.parse(readFileSync(path, 'utf8'))
} catch (error) {
  console.log(`0 passed, 1 failed (no test report at ${path}: ${error.message})`)
  process.exit(1)
}
const passed = report.numPassedTests ?? 0
// A test file that fails to load has no test results but must still count as a failure.
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
).length
const failed = (report.numFailedTests ?? 0) + brokenFiles
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
