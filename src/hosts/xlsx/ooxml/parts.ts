import { inflateSync, Zip, ZipDeflate, ZipInputFile } from "fflate";
import { damaged, MAX_TOTAL_BYTES, showBytes, tooLarge } from "./limits";
import { encodingOf, FALLBACK, STOP, Takeover, XmlHandlers, XmlStream } from "./xml-stream";
import {
  Checksum,
  compressedBytes,
  fflateChecksum,
  fflateInflater,
  inflateEntry,
  inflateEntryAsync,
  Inflater,
  readDirectory,
  ZipEntry,
} from "./zip";

/**
 * The parts of a package: read (inflated within the caps, streamed), replaced, added, removed,
 * and packed again. A part never written keeps its compressed bytes in the output, byte for
 * byte; a written part is deflated (by fflate, or the host's DEFLATE) as it is written (a generated sheet of a million
 * rows never exists whole as XML). Bytes in, bytes out: it runs in a browser too.
 */

/** A part written since opening: deflated, with what its zip entry needs. */
export interface Written {
  chunks: Uint8Array[];
  crc: number;
  size: number;
  /**
   * Present while some chunks are still being compressed in the background (the command line's
   * zlib works on other threads while the next rows are written): resolves, and is removed, once
   * every chunk is in `chunks`. The CRC-32 and the size are known at once.
   */
  ready?: Promise<void>;
}

/** Writes one part piece by piece; `end()` stores it. */
export interface PartWriter {
  push(bytes: Uint8Array): void;
  end(): void;
  /** Null when the deflater takes more pieces now; else when it will (pieces never pile up). */
  room(): Promise<void> | null;
}

/**
 * Raw DEFLATE of one part as its pieces come: `end()` gives the compressed chunks, the CRC-32
 * and the size of what was pushed. fflate's (below) runs everywhere; a host with a faster one
 * (the command line: Node's zlib, src/cli/deflate.ts) passes it to openXlsx.
 */
export interface PartDeflater {
  push(bytes: Uint8Array): void;
  end(): Written;
  /** A deflater that works in the background says when it has room for more (absent: always). */
  room?(): Promise<void> | null;
}

export type DeflaterFactory = () => PartDeflater;

/** fflate's streaming DEFLATE, level 1 (fast; the sheets are regular XML and compress well anyway). */
export function fflateDeflater(): PartDeflater {
  const chunks: Uint8Array[] = [];
  const deflater = new ZipDeflate("", { level: 1 });
  deflater.ondata = (err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  };
  return {
    push: (bytes) => deflater.push(bytes, false),
    end: () => {
      deflater.push(new Uint8Array(0), true);
      return { chunks, crc: deflater.crc, size: deflater.size };
    },
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An XML reader that, once a handler has thrown STOP, takes the rest of the part's bytes unread. */
class StoppableXml {
  private stopped = false;
  constructor(private readonly reader: XmlStream) {}

  readonly push = (chunk: Uint8Array): void => {
    if (this.stopped) return;
    try {
      this.reader.push(chunk);
    } catch (e) {
      if (e !== STOP) throw e;
      this.stopped = true;
    }
  };

  end(): void {
    if (this.stopped) return;
    try {
      this.reader.end();
    } catch (e) {
      if (e !== STOP) throw e;
    }
  }
}

export class Parts {
  private readonly entries: Map<string, ZipEntry>;
  /** Parts written since opening; null: removed. */
  private readonly changed = new Map<string, Written | null>();
  /** Background compression of written parts not yet finished (`settled`). */
  private readonly pending: Promise<void>[] = [];
  /** Inflated bytes read so far, over all parts (MAX_TOTAL_BYTES). */
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly deflater: DeflaterFactory = fflateDeflater,
    private readonly inflater: Inflater = fflateInflater,
    private readonly checksum: Checksum = fflateChecksum
  ) {
    this.entries = readDirectory(bytes);
  }

  private count(n: number): void {
    this.inflated += n;
    if (this.inflated > MAX_TOTAL_BYTES)
      throw tooLarge(
        `各部件解压后共超过 ${showBytes(MAX_TOTAL_BYTES)}`,
        `the parts inflate past ${showBytes(MAX_TOTAL_BYTES)} in all`
      );
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
      if (c.ready) throw new Error(`the part ${path} is still being compressed`);
      // Only the small parts the writer patches are read back after a write.
      onChunk(inflateSync(concat(c.chunks)));
      return true;
    }
    const e = this.entries.get(path);
    if (!e) return false;
    inflateEntry(this.bytes, e, onChunk, (n) => this.count(n), this.checksum);
    return true;
  }

  /** `stream` through the package's inflater (the big parts: sheets, shared strings). */
  async streamAsync(path: string, onChunk: (chunk: Uint8Array) => void): Promise<boolean> {
    const e = this.changed.has(path) ? undefined : this.entries.get(path);
    if (!e) return this.stream(path, onChunk);
    await inflateEntryAsync(this.bytes, e, onChunk, (n) => this.count(n), this.inflater, this.checksum);
    return true;
  }

  /**
   * Reads a part as XML events; false when there is no such part. A handler may throw STOP when
   * it has all it needs: the rest of the part is then not parsed, but still inflated, so that the
   * part is checked whole (its size, its CRC-32) before anything read from it is used.
   */
  xml(path: string, handlers: XmlHandlers): boolean {
    const reader = new StoppableXml(new XmlStream(path, handlers));
    if (!this.stream(path, reader.push)) return false;
    reader.end();
    return true;
  }

  /**
   * `xml` for the big parts, inflated by the package's inflater; with `takeover`, the text after
   * its element's open tag goes to it instead of the XML parser (read.ts: sheetData). When the
   * takeover meets what it does not read (FALLBACK), the part is read again from its start by
   * the parser alone — its bytes counted once — so the answer is always the parser's.
   */
  async xmlAsync(path: string, handlers: XmlHandlers, takeover?: Takeover): Promise<boolean> {
    const before = this.inflated;
    const reader = new StoppableXml(new XmlStream(path, handlers, takeover));
    try {
      if (!(await this.streamAsync(path, reader.push))) return false;
      reader.end();
    } catch (e) {
      if (e === FALLBACK) this.inflated = before;
      throw e;
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

  set(path: string, data: Uint8Array | string): void {
    const w = this.writer(path);
    w.push(typeof data === "string" ? new TextEncoder().encode(data) : data);
    w.end();
  }

  /** A part written piece by piece, deflated as it comes. */
  writer(path: string): PartWriter {
    const deflater = this.deflater();
    return {
      push: (bytes) => deflater.push(bytes),
      end: () => {
        // Stored at once (the zip keeps the order parts were written in), its chunks perhaps later.
        const written = deflater.end();
        this.changed.set(path, written);
        if (written.ready) this.pending.push(written.ready);
      },
      room: () => deflater.room?.() ?? null,
    };
  }

  /** Waits for every part still being compressed in the background (a failure of one rejects). */
  async settled(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }

  remove(path: string): void {
    this.changed.set(path, null);
  }

  /** The package as .xlsx bytes: input order kept, new parts last; untouched parts copied compressed. */
  pack(): Uint8Array {
    if (this.pending.length > 0) throw new Error("parts are still being compressed: await settled() first");
    const out: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else out.push(chunk);
    });
    const add = (filename: string, size: number, crc: number, compression: number, data: Uint8Array[]) => {
      const file: ZipInputFile = { filename, size, crc, compression };
      zip.add(file);
      data.forEach((d, i) => file.ondata?.(null, d as Uint8Array<ArrayBuffer>, i === data.length - 1));
      if (data.length === 0) file.ondata?.(null, new Uint8Array(0), true);
    };
    for (const [path, e] of this.entries) {
      const c = this.changed.get(path);
      if (c === null) continue;
      if (c !== undefined) add(path, c.size, c.crc, 8, c.chunks);
      else add(path, e.size, e.crc, e.method, [compressedBytes(this.bytes, e)]);
    }
    for (const [path, c] of this.changed)
      if (c && !this.entries.has(path)) add(path, c.size, c.crc, 8, c.chunks);
    zip.end();
    if (failure) throw failure;
    return concat(out);
  }
}
