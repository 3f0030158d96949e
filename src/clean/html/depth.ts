/**
 * A bound on the nesting depth of a parsed page, applied before readability, whose cost grows
 * much faster than linearly with depth (a page of a few thousand nested <div>s took minutes).
 * Real article pages stay far below the bound and are left untouched; on a deeper page, the
 * containers below the bound are unwrapped (their children take their place), so every word
 * of text stays in the tree while the depth falls back under the bound. Small subtrees (a
 * paragraph with its links and emphasis) are kept whole, so paragraphs survive as paragraphs.
 * Linear in the number of nodes: each node is visited once and moved at most once.
 */

/** Deeper than any real article page; readability is fast up to here. */
export const MAX_DEPTH = 100;
/** A subtree at most this tall is kept as it is, whatever its depth. */
const KEEP_HEIGHT = 8;

/** The little of a linkedom (or DOM) node this needs. */
interface TreeNode {
  nodeType: number;
  parentNode: TreeNode | null;
  childNodes: ArrayLike<TreeNode>;
  insertBefore(node: TreeNode, before: TreeNode | null): TreeNode;
  remove(): void;
}

const ELEMENT = 1;

/** Unwrap the too-deep containers of `document` in place; returns it (to wrap a parse call). */
export function boundDepth<T extends { document: unknown }>(parsed: T): T {
  const root = (parsed.document as { documentElement: TreeNode | null }).documentElement;
  if (root) flatten(root);
  return parsed;
}

function flatten(root: TreeNode): void {
  // Pre-order with depths, iteratively (the tree may be too deep for recursion).
  const order: TreeNode[] = [];
  const depth: number[] = [];
  const stack: Array<[TreeNode, number]> = [[root, 0]];
  let deepest = 0;
  while (stack.length) {
    const [node, d] = stack.pop()!;
    order.push(node);
    depth.push(d);
    if (d > deepest) deepest = d;
    const kids = Array.from(node.childNodes).filter((c) => c.nodeType === ELEMENT);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, d + 1]);
  }
  if (deepest <= MAX_DEPTH) return;
  // Heights bottom-up: in reverse pre-order every child comes before its parent.
  const height = new Map<TreeNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const h = height.get(node) ?? 0;
    const parent = node.parentNode;
    if (parent && (height.get(parent) ?? 0) < h + 1) height.set(parent, h + 1);
  }
  // Ancestors first: an unwrapped node's children move up to where it was.
  order.forEach((node, i) => {
    if (depth[i]! <= MAX_DEPTH || (height.get(node) ?? 0) <= KEEP_HEIGHT) return;
    const parent = node.parentNode;
    if (!parent) return;
    for (const child of Array.from(node.childNodes)) parent.insertBefore(child, node);
    node.remove();
  });
}
