/** Parts only removed sheets used: found through the relationships, removed with their content types. */
import { parseRels, partKey, relsPartName, relsSource, resolveTarget } from "../opc";
import type { Parts } from "./parts";
import { removeOverride } from "./relations";

function internalTargets(parts: Parts, source: string): string[] {
  const xml = parts.text(relsPartName(source));
  return xml
    ? parseRels(xml)
        .filter((r) => !r.external)
        .map((r) => resolveTarget(source, r.target))
    : [];
}

/**
 * Remove the roots and every part reachable from them through relationships, unless a part outside
 * that set still refers to it (a chart a user's sheet shares with a removed one stays). Returns the
 * content types without the removed parts' overrides.
 */
export function removeOrphans(parts: Parts, roots: string[], types: string): string {
  // Part names compare case-insensitively (OPC Part 2 §9.1.1): the sets hold partKeys.
  const closure = new Map<string, string>();
  const queue = [...roots];
  while (queue.length) {
    const part = queue.pop()!;
    if (closure.has(partKey(part)) || !parts.has(part)) continue;
    closure.set(partKey(part), part);
    queue.push(...internalTargets(parts, part));
  }
  const rootKeys = new Set(roots.map(partKey));
  const keep = new Set<string>();
  const pending: string[] = [];
  for (const f of parts.names()) {
    const source = f.toLowerCase().endsWith(".rels") ? relsSource(f) : null;
    if (source === null || closure.has(partKey(source))) continue;
    pending.push(...internalTargets(parts, source));
  }
  while (pending.length) {
    const part = pending.pop()!;
    const key = partKey(part);
    if (!closure.has(key) || keep.has(key) || rootKeys.has(key)) continue;
    keep.add(key);
    pending.push(...internalTargets(parts, part));
  }
  for (const [key, part] of closure) {
    if (keep.has(key)) continue;
    parts.remove(part);
    parts.remove(relsPartName(part));
    types = removeOverride(types, part);
  }
  return types;
}
