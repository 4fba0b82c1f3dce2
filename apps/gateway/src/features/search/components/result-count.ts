import { RESULTS_PER_KIND, type KindResults } from '../api';

/** The count beside a group's heading: "3", "10+" when the service had more, "–" unknown. */
export function countLabel(group: KindResults): string {
  if (group.query.isPending || group.query.isError) return '–';
  const count = group.results.length;
  return count >= RESULTS_PER_KIND ? `${count}+` : String(count);
}
