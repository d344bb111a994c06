// A strict XML parse into a small tree: fails on anything not well-formed (unescaped text,
// unknown entities, mismatched tags), so tests can both prove well-formedness and query structure.
import sax from 'sax';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Child elements and text, in document order. */
  nodes: (XmlElement | string)[];
  parent: XmlElement | null;
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { trim: false });
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  parser.onerror = (error) => {
    throw new Error(`not well-formed XML: ${error.message}`);
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes },
      children: [],
      nodes: [],
      parent: current,
    };
    if (current) {
      current.children.push(element);
      current.nodes.push(element);
    } else if (root) throw new Error('not well-formed XML: a second root element');
    else root = element;
    current = element;
  };
  parser.onclosetag = () => {
    current = current?.parent ?? null;
  };
  parser.ontext = (text) => {
    if (current) current.nodes.push(text);
  };
  parser.write(xml).close();
  if (!root) throw new Error('not well-formed XML: no root element');
  return root;
}

export function findAll(root: XmlElement, match: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    if (match(element)) found.push(element);
    element.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** All text inside the element, in document order. */
export function textOf(element: XmlElement): string {
  return element.nodes.map((node) => (typeof node === 'string' ? node : textOf(node))).join('');
}
