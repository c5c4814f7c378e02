import { Zip, ZipDeflate, ZipInputFile } from "fflate";
import { damaged, MAX_TOTAL_BYTES, showBytes, tooLarge } from "./limits";
import { encodingOf, STOP, XmlHandlers, XmlStream } from "./xml-stream";
import { compressedBytes, inflateEntry, readDirectory, ZipEntry } from "./zip";

/**
 * The parts of a package: read (inflated within the caps, streamed), replaced, added, removed,
 * and packed again. A part never written keeps its compressed bytes in the output, byte for
 * byte; written parts are deflated by fflate. Bytes in, bytes out: it runs in a browser too.
 */
export class Parts {
  private readonly entries: Map<string, ZipEntry>;
  /** Parts written since opening; null: removed. */
  private readonly changed = new Map<string, Uint8Array | null>();
  /** Inflated bytes read so far, over all parts (MAX_TOTAL_BYTES). */
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.entries = readDirectory(bytes);
  }

  has(path: string): boolean {
    const c = this.changed.get(path);
    return c === undefined ? this.entries.has(path) : c !== null;
  }

  /** Streams a part's bytes to `onChunk`; false when there is no such part. */
  stream(path: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const c = this.changed.get(path);
    if (c === null) return false;
    if (c !== undefined) {
      onChunk(c);
      return true;
    }
    const e = this.entries.get(path);
    if (!e) return false;
    inflateEntry(this.bytes, e, onChunk, (n) => {
      this.inflated += n;
      if (this.inflated > MAX_TOTAL_BYTES)
        throw tooLarge(
          `各部件解压后共超过 ${showBytes(MAX_TOTAL_BYTES)}`,
          `the parts inflate past ${showBytes(MAX_TOTAL_BYTES)} in all`
        );
    });
    return true;
  }

  /** Reads a part as XML events; false when there is no such part. A handler may throw STOP to end early. */
  xml(path: string, handlers: XmlHandlers): boolean {
    const reader = new XmlStream(path, handlers);
    try {
      if (!this.stream(path, (chunk) => reader.push(chunk))) return false;
      reader.end();
    } catch (e) {
      if (e !== STOP) throw e;
    }
    return true;
  }

  /** A whole part as text (for the small parts the writer patches); null when missing. */
  text(path: string): string | null {
    const chunks: Uint8Array[] = [];
    let length = 0;
    const found = this.stream(path, (c) => {
      chunks.push(c);
      length += c.length;
    });
    if (!found) return null;
    const all = chunks.length === 1 ? chunks[0] : new Uint8Array(length);
    if (chunks.length !== 1) {
      let at = 0;
      for (const c of chunks) all.set(c, (at += c.length) - c.length);
    }
    try {
      return new TextDecoder(encodingOf(all.subarray(0, 256)), { fatal: true }).decode(all);
    } catch {
      throw damaged(
        `部件 ${path} 含有无效的字符编码`,
        `the part ${path} holds bytes that are not valid text`
      );
    }
  }

  /**
   * Re-encodes every XML part that is not UTF-8 (a UTF-16 part, a GBK declaration) as UTF-8,
   * its declaration changed to say so; true when one was. For readers that know only UTF-8 (ExcelJS).
   */
  utf8(): boolean {
    let changed = false;
    for (const path of this.entries.keys()) {
      if (!/\.(xml|rels)$/i.test(path) || this.changed.has(path)) continue;
      let head: Uint8Array | null = null;
      try {
        this.stream(path, (c) => {
          head = c.subarray(0, 256);
          throw STOP;
        });
      } catch (e) {
        if (e !== STOP) throw e;
      }
      if (!head || encodingOf(head) === "utf-8") continue;
      const text = this.text(path) ?? "";
      this.set(path, text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*/, "$1UTF-8"));
      changed = true;
    }
    return changed;
  }

  set(path: string, data: Uint8Array | string): void {
    this.changed.set(path, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }

  remove(path: string): void {
    this.changed.set(path, null);
  }

  /** The package as .xlsx bytes: input order kept, new parts last; untouched parts copied compressed. */
  pack(): Uint8Array {
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else out.push(chunk);
    });
    const written = (path: string, data: Uint8Array) => {
      const f = new ZipDeflate(path, { level: 1 });
      zip.add(f);
      f.push(data, true);
    };
    for (const [path, e] of this.entries) {
      const c = this.changed.get(path);
      if (c === null) continue;
      if (c !== undefined) {
        written(path, c);
        continue;
      }
      const raw: ZipInputFile = { filename: path, size: e.size, crc: e.crc, compression: e.method };
      zip.add(raw);
      raw.ondata?.(null, compressedBytes(this.bytes, e) as Uint8Array<ArrayBuffer>, true);
    }
    for (const [path, c] of this.changed) if (c !== null && !this.entries.has(path)) written(path, c);
    zip.end();
    if (failure) throw failure;
    let length = 0;
    for (const c of out) length += c.length;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const c of out) bytes.set(c, (at += c.length) - c.length);
    return bytes;
  }
}
