/**
 * Turns a chart's element tree (sidebar/charts.ts) into SVG nodes. Strings become text nodes,
 * so a label such as `<img onerror=…>` is drawn as those characters; only the chart tags are
 * created, and event-handler or link attributes are dropped whatever the tree says.
 */
import type { SvgNode, SvgTag } from './charts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TAGS: ReadonlySet<SvgTag> = new Set<SvgTag>(['svg', 'title', 'line', 'text', 'polygon', 'path', 'rect']);

/** Attributes no chart needs and that could run or load something. */
export function unsafeSvgAttr(name: string): boolean {
  return /^on/i.test(name) || /href$/i.test(name) || /^style$/i.test(name);
}

export function svgElement(tree: SvgNode): SVGElement {
  if (!TAGS.has(tree.tag)) throw new Error(`unexpected chart element <${String(tree.tag)}>`);
  const el = document.createElementNS(SVG_NS, tree.tag);
  for (const [name, value] of Object.entries(tree.attrs)) {
    if (!unsafeSvgAttr(name)) el.setAttribute(name, value);
  }
  for (const c of tree.children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : svgElement(c));
  return el;
}
