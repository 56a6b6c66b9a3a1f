/**
 * MLLP framing (HL7 v2 Minimal Lower Layer Protocol): each message is `VT <message> FS CR`
 * (0x0B … 0x1C 0x0D). Reference: ../shared/reference/interop.md §1 "MLLP framing" and §3.
 *
 * Hand-written rather than taken from a library: the framing is a few lines, and the library most
 * often suggested (@medplum/hl7 4.x, the version that runs on Node 20) only checks whether a TCP read
 * *ends* in FS CR, so it merges two frames that arrive in one read and never delivers a frame whose FS
 * and CR arrive in different reads. This decoder keeps a buffer across reads and scans it for FS CR,
 * which covers: several frames in one read, one frame over many reads, FS and CR split, bytes before
 * VT (discarded), and long-lived connections. Every one of those cases is tested over a real socket in
 * server/test/hl7-mllp.test.ts.
 */
export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;
const END = Buffer.from([FS, CR]);

/** 1 MiB: far above any PCD-01 message (a few KiB), small enough that a runaway sender cannot hurt. */
export const MAX_FRAME_BYTES = 1 << 20;

export class MllpDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  /** Set once a frame grew past the limit: the caller answers AR and closes the connection. */
  overflowed = false;

  constructor(private readonly maxFrameBytes = MAX_FRAME_BYTES) {}

  /**
   * Feeds one TCP read; returns the payloads (between VT and FS CR) of every frame it completed before
   * any overflow. After an overflow the decoder drops everything: check `overflowed`.
   */
  push(chunk: Buffer): Buffer[] {
    if (this.overflowed) {
      return [];
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Buffer[] = [];
    for (;;) {
      const start = this.buffer.indexOf(VT);
      if (start < 0) {
        // Only garbage (or keep-alive noise) so far: nothing of it can belong to a frame.
        this.buffer = Buffer.alloc(0);
        return frames;
      }
      const end = this.buffer.indexOf(END, start + 1);
      if (end < 0) {
        this.buffer = this.buffer.subarray(start);
        if (this.buffer.length > this.maxFrameBytes + 1) {
          this.fail();
        }
        return frames;
      }
      if (end - start - 1 > this.maxFrameBytes) {
        this.fail();
        return frames;
      }
      frames.push(Buffer.from(this.buffer.subarray(start + 1, end)));
      this.buffer = this.buffer.subarray(end + 2);
    }
  }

  private fail(): void {
    this.buffer = Buffer.alloc(0);
    this.overflowed = true;
  }
}

/** Wraps one message for sending. */
export function frame(message: string): Buffer {
  return Buffer.concat([Buffer.from([VT]), Buffer.from(message, 'utf8'), END]);
}
