/** XML text for the package parts: entities and OOXML's _xHHHH_ escapes, both ways; attributes; runs. */

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The same two in Strict Open XML (Excel: Save As → Strict Open XML Spreadsheet). */
export const NS_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities and OOXML's _xHHHH_ escapes → text. */
export function decodeXml(text: string): string {
  let out = text;
  if (out.includes("&"))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ENTITY[e]
    );
  return unescapeOoxml(out);
}

/** OOXML's _xHHHH_ escapes → text (the XML parser has already resolved entities). */
export function unescapeOoxml(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text → XML element content: escapes, OOXML _xHHHH_ for control characters, literal "_xHHHH_" kept. */
// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const NEEDS_ESCAPE = /[&<>_\u0000-\u001f\ufffe\uffff]/;

export function encodeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  out = out.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  const control = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]", "g");
  out = out.replace(control, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
  return out;
}

export function encodeAttr(text: string): string {
  return encodeXmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
}

/** Joined text of the <t> elements, leaving out phonetic runs (<rPh>). */
export function runsText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXml(out);
}
