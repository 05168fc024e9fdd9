import type { Block, TableCell } from '../../../../common/blocks';
import { renderRuns, type Cursor, type InlineContext } from './renderInline';

interface Props {
  block: Extract<Block, { type: 'table' }>;
  index: number;
  ctx: InlineContext;
}

/** How a header cell labels others: a row of headers labels its columns, a header in a row of data labels that row. */
const scopeOf = (row: readonly TableCell[]) => (row.every((c) => c.header) ? 'col' : 'row');

/**
 * A table block: cells laid out as the article's table, advancing the text offset as blockText counts
 * (one for each cell and row boundary), so hits and highlights land in their cells. A wide table scrolls
 * sideways inside its frame, which keyboard users can focus to scroll, and never widens the page.
 */
export function TableBlock({ block, index, ctx }: Props) {
  const cursor: Cursor = { at: 0 };
  return (
    <div className="table-frame" data-block={index} tabIndex={0}>
      <table>
        <tbody>
          {block.rows.map((row, r) => {
            if (r > 0) cursor.at += 1;
            const scope = scopeOf(row);
            return (
              <tr key={r}>
                {row.map((cell, c) => {
                  if (c > 0) cursor.at += 1;
                  const Cell = cell.header ? 'th' : 'td';
                  return (
                    <Cell
                      key={c}
                      scope={cell.header ? scope : undefined}
                      colSpan={cell.colSpan}
                      rowSpan={cell.rowSpan}
                      className={cell.align ? `align-${cell.align}` : undefined}
                      dir="auto"
                    >
                      {renderRuns(cell.children, cursor, ctx, `t${r}.${c}`)}
                    </Cell>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
