// Tables a person reads in a terminal or a log file: cli-table3's box lines without colour codes,
// so piped output stays clean text.
import Table from 'cli-table3'

/** How a column's cells line up: text left, amounts right. */
export type Align = 'left' | 'right'

/** Renders rows under a header; `align` gives each column's alignment (default left). */
export const renderTable = (
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string => {
  const table = new Table({
    head: [...head],
    colAligns: head.map((_, index) => align[index] ?? 'left'),
    style: { head: [], border: [], compact: true },
  })
  for (const row of rows) table.push([...row])
  return table.toString()
}
