import { Inflate, ZipPassThrough } from "fflate";
import { damaged, MAX_ENTRIES, MAX_PART_BYTES, MAX_RATIO, RATIO_FROM, showBytes, tooLarge } from "./limits";

/**
 * The zip container of an .xlsx: its central directory read, and one entry inflated at a time
 * through fflate's streaming `Inflate`, with a running byte count that refuses the entry the
 * moment it passes its cap.
 *
 * The directory is read here by hand (ZIP APPNOTE 4.3.12, 4.3.16, 4.5.3: three fixed records)
 * because neither library gives what a hostile file needs: fflate's `unzipSync` inflates each
 * entry in one go into a buffer of the size the entry claims, and its streaming `Unzip` walks the
 * local headers, which guesses where a data-descriptor entry ends and cannot tell that a name
 * appears twice; JSZip keeps the last of two entries of the same name, silently.
 *
 * Every part read is checked whole against its directory entry: its inflated size and its CRC-32
 * (APPNOTE 4.4.7). A part that fails either is refused as damaged, so a digit changed on disk
 * (bit rot, in a stored entry too) is never read as data.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the directory declares (checked against the real one while inflating). */
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

/** The signatures that open the zip's records (APPNOTE 4.3.7, 4.3.12, 4.3.14–16). */
const SIG = {
  EOCD: 0x06054b50,
  EOCD64_LOCATOR: 0x07064b50,
  EOCD64: 0x06064b50,
  CENTRAL: 0x02014b50,
  LOCAL: 0x04034b50,
} as const;
const U32_MAX = 0xffffffff;

const names = new TextDecoder("utf-8");

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 2 ** 32;
}

function notZip(): Error {
  return damaged("找不到压缩包目录", "no zip directory found");
}

/** The end-of-central-directory record: where the directory starts and how many entries it has. */
function directoryBounds(b: Uint8Array): { offset: number; count: number } {
  const last = b.length - 22;
  const first = Math.max(0, last - 0xffff);
  let eocd = -1;
  for (let i = last; i >= first; i--)
    if (u32(b, i) === SIG.EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw notZip();
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || offset === U32_MAX) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG.EOCD64_LOCATOR) throw notZip();
    const at = u64(b, loc + 8);
    if (at + 56 > b.length || u32(b, at) !== SIG.EOCD64) throw notZip();
    count = u64(b, at + 32);
    offset = u64(b, at + 48);
  }
  if (count > MAX_ENTRIES)
    throw tooLarge(
      `压缩包有 ${count} 个部件（上限 ${MAX_ENTRIES}）`,
      `${count} zip entries (limit ${MAX_ENTRIES})`
    );
  return { offset, count };
}

/** Every entry of the directory by name; a name that appears twice (case folded, as OPC compares part names) is damage. */
export function readDirectory(b: Uint8Array): Map<string, ZipEntry> {
  const { offset, count } = directoryBounds(b);
  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== SIG.CENTRAL) throw notZip();
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const name = names.decode(b.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(b, at + 10),
      crc: u32(b, at + 16),
      compressedSize: u32(b, at + 20),
      size: u32(b, at + 24),
      headerOffset: u32(b, at + 42),
    };
    // Zip64: the fields set to 0xFFFFFFFF come, in this order, from the 0x0001 extra field.
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 1) {
        let f = x + 4;
        if (entry.size === U32_MAX) ((entry.size = u64(b, f)), (f += 8));
        if (entry.compressedSize === U32_MAX) ((entry.compressedSize = u64(b, f)), (f += 8));
        if (entry.headerOffset === U32_MAX) entry.headerOffset = u64(b, f);
      }
      x += 4 + len;
    }
    if (flags & 1) throw damaged(`部件 ${name} 已加密`, `the part ${name} is encrypted`);
    const key = name.toLowerCase();
    if (seen.has(key))
      throw damaged(`压缩包中部件 ${name} 出现了两次`, `the zip holds the part ${name} twice`);
    seen.add(key);
    entries.set(name, entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, as stored after its local header. */
export function compressedBytes(b: Uint8Array, e: ZipEntry): Uint8Array {
  const h = e.headerOffset;
  if (h + 30 > b.length || u32(b, h) !== SIG.LOCAL)
    throw damaged(`部件 ${e.name} 的位置不对`, `the part ${e.name} is misplaced`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length)
    throw damaged(`部件 ${e.name} 被截断`, `the part ${e.name} is cut short`);
  return b.subarray(start, start + e.compressedSize);
}

/** Input is fed to the inflater in slices this small, so one slice can never inflate past ≈ 8 MB. */
const SLICE = 8 * 1024;

/**
 * Raw DEFLATE of one part as its bytes come, inflated: `onChunk` is given each piece of output
 * and throws to stop (a cap passed); the promise then rejects with what it threw. Any other
 * rejection is the data's fault (it cannot be inflated). fflate's (below) runs everywhere; the
 * command line passes Node's zlib (src/cli/inflate.ts), several times faster.
 */
export type Inflater = (data: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;

function fflateInflate(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): void {
  const inflater = new Inflate((chunk) => onChunk(chunk));
  for (let i = 0; i < data.length; i += SLICE)
    inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
}

/** fflate's streaming `Inflate`, in slices of SLICE bytes. */
export const fflateInflater: Inflater = async (data, onChunk) => fflateInflate(data, onChunk);

/** The CRC-32 of a part's inflated bytes, computed as they come. */
export interface Crc32 {
  push(chunk: Uint8Array): void;
  /** The CRC-32 of every byte pushed. */
  value(): number;
}

/**
 * A new running CRC-32. fflate's (below) runs everywhere; the command line passes Node's
 * zlib.crc32 where Node has it (src/cli/inflate.ts), about ten times faster.
 */
export type Checksum = () => Crc32;

/** fflate's CRC-32, as its `ZipPassThrough` computes it for an entry it stores (≈ 400 MB/s). */
export const fflateChecksum: Checksum = () => {
  const pass = new ZipPassThrough("");
  pass.ondata = () => undefined;
  return {
    push: (chunk) => pass.push(chunk, false),
    value: () => {
      pass.push(new Uint8Array(0), true);
      return pass.crc >>> 0;
    },
  };
};

/** Checks an entry against its caps before inflating it, and gives the running check of each chunk. */
function entryGuard(
  e: ZipEntry,
  compressed: number,
  budget: (n: number) => void,
  checksum: Checksum
): { take: (chunk: Uint8Array) => boolean; done: () => void } {
  const tooBig = () =>
    tooLarge(
      `部件 ${e.name} 解压后超过 ${showBytes(MAX_PART_BYTES)}`,
      `the part ${e.name} inflates past ${showBytes(MAX_PART_BYTES)}`
    );
  const bomb = () =>
    tooLarge(
      `部件 ${e.name} 的压缩比超过 ${MAX_RATIO} : 1（压缩炸弹）`,
      `the part ${e.name} inflates more than ${MAX_RATIO} : 1 (a zip bomb)`
    );
  const ratioCap = Math.max(RATIO_FROM, compressed * MAX_RATIO);
  if (e.size > MAX_PART_BYTES) throw tooBig();
  if (e.size > ratioCap) throw bomb();
  if (e.method !== 0 && e.method !== 8)
    throw damaged(`部件 ${e.name} 的压缩方式不支持`, `the part ${e.name} uses an unsupported compression`);
  let total = 0;
  const crc = checksum();
  return {
    /** Counts a chunk (throws past a cap); true when it has bytes to hand on. */
    take(chunk) {
      total += chunk.length;
      if (total > MAX_PART_BYTES) throw tooBig();
      if (total > ratioCap) throw bomb();
      if (total > e.size)
        throw damaged(
          `部件 ${e.name} 比目录所记的大`,
          `the part ${e.name} is larger than its directory says`
        );
      budget(chunk.length);
      crc.push(chunk);
      return chunk.length > 0;
    },
    done() {
      if (total !== e.size)
        throw damaged(
          `部件 ${e.name} 的大小与目录不符`,
          `the part ${e.name} does not match its directory size`
        );
      if (crc.value() !== e.crc >>> 0)
        throw damaged(
          `部件 ${e.name} 校验和不符，内容已改变`,
          `the part ${e.name} fails its checksum (CRC-32): its bytes have changed`
        );
    },
  };
}

const cannotInflate = (e: ZipEntry) =>
  damaged(`部件 ${e.name} 无法解压`, `the part ${e.name} cannot be inflated`);

/**
 * Inflates an entry, handing its bytes on chunk by chunk. `budget(n)` is told every chunk's size
 * before it is handed on and throws to stop (the total cap); the part's own cap is checked here,
 * both against what the directory declares (before inflating anything) and against the running count.
 */
export function inflateEntry(
  b: Uint8Array,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  budget: (n: number) => void,
  checksum: Checksum
): void {
  const data = compressedBytes(b, e);
  const guard = entryGuard(e, data.length, budget, checksum);
  const take = (chunk: Uint8Array) => guard.take(chunk) && onChunk(chunk);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) take(data.subarray(i, Math.min(data.length, i + SLICE)));
  } else {
    try {
      if (data.length === 0) take(new Uint8Array(0));
      else fflateInflate(data, take);
    } catch (err) {
      // fflate's own errors carry a numeric code; anything else came from the reader of the chunks.
      if (!(err instanceof Error && typeof (err as { code?: unknown }).code === "number")) throw err;
      throw cannotInflate(e);
    }
  }
  guard.done();
}

/** `inflateEntry` through an `Inflater` (the big parts: sheets, shared strings). */
export async function inflateEntryAsync(
  b: Uint8Array,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  budget: (n: number) => void,
  inflater: Inflater,
  checksum: Checksum
): Promise<void> {
  const data = compressedBytes(b, e);
  const guard = entryGuard(e, data.length, budget, checksum);
  // What the chunks' reader (or a cap) threw, told apart from the inflater's own errors.
  let stopped: { error: unknown } | null = null;
  const take = (chunk: Uint8Array) => {
    try {
      if (guard.take(chunk)) onChunk(chunk);
    } catch (error) {
      stopped = { error };
      throw error;
    }
  };
  if (e.method === 0 || data.length === 0) {
    for (let i = 0; i < data.length; i += SLICE) take(data.subarray(i, Math.min(data.length, i + SLICE)));
  } else {
    try {
      await inflater(data, take);
    } catch {
      // Not thrown by the chunks' reader or a cap: the inflater's own (bad data).
      if (stopped) throw (stopped as { error: unknown }).error;
      throw cannotInflate(e);
    }
    if (stopped) throw (stopped as { error: unknown }).error;
  }
  guard.done();
}
