// Layered layout of a small DAG read from the tape (presentation only): an op sits one level
// after its deepest input; a data/weight node sits one level before its first consumer. Within a
// level, nodes are ordered by the mean position of their neighbours (a few barycentre sweeps),
// which untangles the edges of these small graphs. Pure: ids and inputs in, {level, slot} out.
export function layeredLayout(nodes) {
  const n = nodes.length;
  const consumers = Array.from({ length: n }, () => []);
  for (const node of nodes) for (const i of node.inputs) consumers[i].push(node.id);
  const level = new Array(n).fill(0);
  const isSource = (node) => node.inputs.length === 0;
  for (const node of nodes) {  // ids are topological: inputs come first
    if (!isSource(node)) level[node.id] = 1 + Math.max(...node.inputs.map((i) => (isSource(nodes[i]) ? -Infinity : level[i])), 0);
  }
  for (const node of nodes) {
    if (isSource(node) && consumers[node.id].length > 0) level[node.id] = Math.min(...consumers[node.id].map((c) => level[c])) - 1;
  }
  const levels = Math.max(...level) + 1;
  const columns = Array.from({ length: levels }, () => []);
  for (const node of nodes) columns[level[node.id]].push(node.id);

  const slot = new Array(n).fill(0);
  const place = () => columns.forEach((col) => col.forEach((id, k) => { slot[id] = k - (col.length - 1) / 2; }));
  place();
  const neighbours = (id) => [...nodes[id].inputs, ...consumers[id]];
  for (let sweep = 0; sweep < 6; sweep++) {
    for (const col of columns) {
      const key = new Map(col.map((id) => {
        const nb = neighbours(id);
        return [id, nb.length ? nb.reduce((s, j) => s + slot[j], 0) / nb.length : slot[id]];
      }));
      col.sort((a, b) => key.get(a) - key.get(b) || a - b);
    }
    place();
  }
  const width = Math.max(...columns.map((c) => c.length));
  return { level, slot, levels, width };
}
