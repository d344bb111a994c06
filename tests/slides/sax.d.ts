// sax (svgdom's XML parser) ships no types; these are the parts the tests use.
declare module 'sax' {
  interface Tag {
    name: string;
    attributes: Record<string, string>;
  }
  interface SAXParser {
    onerror: (error: Error) => void;
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    write(xml: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options?: Record<string, unknown>): SAXParser };
  export default sax;
}
