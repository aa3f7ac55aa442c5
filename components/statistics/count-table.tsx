import { useId } from 'react';
import type { Masked } from '@/lib/reporting/suppression';
import { Count } from './bar-chart';
import { TableScroll } from '@/components/ui/table-scroll';

/** A two-column table of (suppressed) counts: the accessible source next to each bar chart. */
export function CountTable({
  caption,
  labelHeader,
  valueHeader,
  rows,
  total,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: { key: string; label: string; value: Masked }[];
  total?: { label: string; value: Masked };
}) {
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="mt-3 w-full max-w-3xl border-collapse bg-white text-left">
        <caption id={captionId} className="p-2 text-left text-sm text-gray-700">
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="p-2 font-semibold">
              {labelHeader}
            </th>
            <th scope="col" className="p-2 text-right font-semibold">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-gray-200">
              <th scope="row" className="p-2 text-left font-normal">
                {r.label}
              </th>
              <td className="p-2 text-right tabular-nums">
                <Count value={r.value} />
              </td>
            </tr>
          ))}
          {total && (
            <tr className="font-semibold">
              <th scope="row" className="p-2 text-left">
                {total.label}
              </th>
              <td className="p-2 text-right tabular-nums">
                <Count value={total.value} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
