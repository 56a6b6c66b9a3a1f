/** Rows grouped by a key, keeping their order (Map.groupBy needs Node 21). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) {
      list.push(row);
    } else {
      groups.set(k, [row]);
    }
  }
  return groups;
}
