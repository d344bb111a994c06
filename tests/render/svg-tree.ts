// A strict XML parse of an SVG into a small tree the tests query: parsing fails on anything
// that is not well-formed XML.
import sax from 'sax';

export interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  /** Text directly inside this element. */
  text: string;
  parent?: SvgNode;
}

export function parseSvg(xml: string): SvgNode {
  const parser = sax.parser(true, { xmlns: false });
  const root: SvgNode = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  let failure: Error | undefined;
  parser.onerror = (error) => {
    failure ??= error;
  };
  parser.onopentag = (tag) => {
    const node: SvgNode = { name: tag.name, attrs: { ...tag.attributes }, children: [], text: '', parent: current };
    current.children.push(node);
    current = node;
  };
  parser.onclosetag = () => {
    current = current.parent ?? root;
  };
  parser.ontext = (text) => {
    current.text += text;
  };
  parser.oncdata = (text) => {
    current.text += text;
  };
  parser.write(xml).close();
  if (failure) throw failure;
  const svg = root.children[0];
  if (!svg || root.children.length !== 1) throw new Error('expected exactly one root element');
  return svg;
}

export function descendants(node: SvgNode): SvgNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

export function findAll(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  return descendants(node).filter(predicate);
}

export function withAttr(node: SvgNode, name: string, value?: string): SvgNode[] {
  return findAll(node, (n) => name in n.attrs && (value === undefined || n.attrs[name] === value));
}

export function one(node: SvgNode, name: string, value: string): SvgNode {
  const found = withAttr(node, name, value);
  if (found.length !== 1) throw new Error(`expected one element with ${name}="${value}", found ${found.length}`);
  return found[0]!;
}

/** Text of the <text> elements under a node, in document order (tooltips in <title> left out). */
export function texts(node: SvgNode): string[] {
  return findAll(node, (n) => n.name === 'text').map((n) => n.text);
}

/** Whether the node and all its ancestors are displayed. */
export function isDisplayed(node: SvgNode): boolean {
  for (let n: SvgNode | undefined = node; n; n = n.parent) if (n.attrs['display'] === 'none') return false;
  return true;
}
