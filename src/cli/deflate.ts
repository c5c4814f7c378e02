import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import type { PartDeflater, Written } from "../hosts/xlsx/ooxml";

/**
 * The parts `rank --out` writes (tens of megabytes of sheet XML for a big workbook), deflated by
 * Node's zlib: several times faster than fflate's JavaScript, the same inflated bytes.
 *
 * Each piece is compressed on its own and ends in a sync flush (a byte-aligned, non-final block),
 * so the pieces join into one valid DEFLATE stream (as pigz joins its blocks); a final empty block
 * closes it. A piece cannot refer back into the one before: at the writer's ~1 MB pieces that
 * costs a few hundred bytes per piece.
 *
 * The big pieces are compressed on libuv's threads while the writer makes the next rows (issue
 * 13 §5): on two cores the deflating costs the writing almost nothing. At most IN_FLIGHT pieces
 * wait at a time (`room`), so a sheet of a million rows never piles up in memory. Small pieces
 * (the manifest parts, a sheet's last piece) are compressed at once.
 */

const OPTIONS = { level: 1, finishFlush: constants.Z_SYNC_FLUSH };
/** Pieces below this are compressed on the spot: a thread hand-off costs more than it saves. */
const BACKGROUND_FROM = 64 * 1024;
/** Pieces being compressed at a time, per part (libuv has four threads). */
const IN_FLIGHT = 4;

export function zlibDeflater(): PartDeflater {
  const chunks: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  let inFlight = 0;
  let failure: Error | null = null;
  let waiting: (() => void)[] = [];
  let finished: (() => void) | null = null;
  const landed = () => {
    if (inFlight < IN_FLIGHT) for (const go of waiting.splice(0)) go();
    if (inFlight === 0 && finished) finished();
  };
  return {
    push(bytes) {
      if (bytes.length === 0) return;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (bytes.length < BACKGROUND_FROM) {
        chunks.push(deflateRawSync(bytes, OPTIONS));
        return;
      }
      const at = chunks.length;
      chunks.push(EMPTY);
      inFlight++;
      deflateRaw(bytes, OPTIONS, (err, out) => {
        inFlight--;
        if (err) failure ??= err;
        else chunks[at] = out;
        landed();
      });
    },
    room() {
      if (inFlight < IN_FLIGHT) return null;
      return new Promise<void>((go) => waiting.push(go));
    },
    end() {
      chunks.push(FINAL_EMPTY_BLOCK);
      const written: Written = { chunks, crc, size };
      if (inFlight === 0) {
        if (failure) throw failure;
        return written;
      }
      written.ready = new Promise<void>((resolve, reject) => {
        finished = () => {
          delete written.ready;
          waiting = [];
          if (failure) reject(failure);
          else resolve();
        };
      });
      return written;
    },
  };
}

const EMPTY = new Uint8Array(0);

/** BFINAL=1, fixed Huffman codes, end of block at once: what zlib ends an empty stream with. */
const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);
