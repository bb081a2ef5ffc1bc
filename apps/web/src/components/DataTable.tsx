import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll.js';

/**
 * A data table named by a (visually hidden) caption, with column headers and, optionally, a last column
 * of row actions whose header only screen readers hear. Wide tables scroll inside their own region.
 */
export function DataTable({
  label,
  testId,
  columns,
  actionsLabel,
  dense = false,
  children,
}: {
  /** Names the table (caption) and its scroll region. */
  label: string;
  testId: string;
  columns: readonly string[];
  actionsLabel?: string;
  dense?: boolean;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className={dense ? 'table table--dense' : 'table'} data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actionsLabel ? (
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
