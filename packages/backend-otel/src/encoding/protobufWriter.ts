import type { HrTime } from '@lexigram/monitor-core';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;
/** Hex digit values by char code; 255 for anything else. */
const HEX = new Uint8Array(128).fill(255);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[97 + i] = 10 + i;
  HEX[65 + i] = 10 + i;
}

/** Bytes reserved by default for a nested message's length prefix (up to 2^28 - 1 bytes). */
const LENGTH_RESERVE = 4;

/**
 * A small protobuf encoder for the OTLP messages we write ourselves (metrics with summaries and
 * exemplars; spans straight from core's data model, without an intermediate object tree). One growing buffer; a nested message reserves its length prefix, is
 * written in place, then the prefix is filled in and the body moved back over unused bytes.
 */
export class ProtobufWriter {
  private buf: Buffer;
  private view: DataView;
  /** Write position. */
  pos = 0;
  private readonly starts: number[] = [];
  private readonly reserves: number[] = [];

  constructor(initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** Start over, keeping the buffer: one writer serves every request of an exporter. */
  reset(): void {
    this.pos = 0;
    this.starts.length = 0;
    this.reserves.length = 0;
  }

  /** The bytes written so far (a copy, safe to keep). */
  finish(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buf, 0, this.pos);
  }

  /** Field tag. */
  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  /** Unsigned varint of a non-negative safe integer. */
  varint(value: number): void {
    this.ensure(10);
    let v = value;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }

  /** `field: uint32/uint64/enum/bool` as varint; zero is skipped (proto3 default). */
  uintField(field: number, value: number): void {
    if (value === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(value);
  }

  /** `field: int64` (may be negative: two's complement in ten bytes); 0 only with `always`. */
  int64Field(field: number, value: number, always = false): void {
    if (value === 0 && !always) return;
    this.tag(field, WIRE_VARINT);
    if (value >= 0) {
      this.varint(value);
      return;
    }
    this.ensure(10);
    let big = BigInt.asUintN(64, BigInt(value));
    for (let i = 0; i < 9; i++) {
      this.buf[this.pos++] = Number(big & 0x7fn) | 0x80;
      big >>= 7n;
    }
    this.buf[this.pos++] = Number(big);
  }

  /** `field: bool`; false is skipped. */
  boolField(field: number, value: boolean): void {
    if (!value) return;
    this.tag(field, WIRE_VARINT);
    this.buf[this.pos++] = 1;
  }

  /** `field: double`, always written (a 0 sum is still information). */
  doubleField(field: number, value: number): void {
    this.tag(field, WIRE_FIXED64);
    this.double(value);
  }

  /** A bare little-endian double (packed repeated doubles). */
  double(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  /** A bare fixed64 of a non-negative safe integer (packed repeated counts). */
  fixed64(value: number): void {
    this.ensure(8);
    this.view.setUint32(this.pos, value % 0x1_0000_0000, true);
    this.view.setUint32(this.pos + 4, Math.floor(value / 0x1_0000_0000), true);
    this.pos += 8;
  }

  /** `field: fixed64` of a safe integer count. */
  fixed64Field(field: number, value: number): void {
    this.tag(field, WIRE_FIXED64);
    this.fixed64(value);
  }

  /** `field: fixed32`, always written. */
  fixed32Field(field: number, value: number): void {
    this.tag(field, WIRE_FIXED32);
    this.ensure(4);
    this.view.setUint32(this.pos, value >>> 0, true);
    this.pos += 4;
  }

  /**
   * `field: fixed64` nanoseconds since the epoch, exact, from an {@link HrTime}: seconds × 1e9
   * passes 2^53, so the product is built from 16-bit halves of the seconds in exact doubles
   * (cheaper than BigInt on the span path).
   */
  timeField(field: number, time: HrTime): void {
    this.tag(field, WIRE_FIXED64);
    this.ensure(8);
    const seconds = time[0];
    const secondsLow = seconds % 0x10000;
    const secondsHigh = (seconds - secondsLow) / 0x10000;
    const a = secondsLow * 1e9 + time[1]; // < 2^47
    const b = secondsHigh * 1e9; // times 2^16; < 2^47
    const bLow = b % 0x10000;
    const t = a + bLow * 0x10000; // < 2^48
    const low = t % 0x1_0000_0000;
    const high = (t - low) / 0x1_0000_0000 + (b - bLow) / 0x10000;
    this.view.setUint32(this.pos, low, true);
    this.view.setUint32(this.pos + 4, high, true);
    this.pos += 8;
  }

  /** `field: string`; empty is skipped unless `always` (a oneof member must be present). */
  stringField(field: number, value: string, always = false): void {
    if (value === '' && !always) return;
    this.tag(field, WIRE_LENGTH);
    const n = value.length;
    if (n < 0x80) {
      // Short ASCII (names, keys, most values) is copied in JS: cheaper than a native call.
      this.ensure(n + 1);
      const buf = this.buf;
      const lengthAt = this.pos;
      let p = lengthAt + 1;
      let i = 0;
      for (; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) break;
        buf[p++] = c;
      }
      if (i === n) {
        buf[lengthAt] = n;
        this.pos = p;
        return;
      }
      this.pos = lengthAt;
    }
    const length = Buffer.byteLength(value);
    this.varint(length);
    this.ensure(length);
    this.pos += this.buf.write(value, this.pos, 'utf8');
  }

  /** `field: bytes` from lowercase hex (trace and span ids); empty is skipped. */
  hexBytesField(field: number, hex: string): void {
    if (hex === '') return;
    this.tag(field, WIRE_LENGTH);
    const length = hex.length >>> 1;
    this.varint(length);
    this.ensure(length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < length * 2; i += 2) {
      const hi = HEX[hex.charCodeAt(i)] ?? 255;
      const lo = HEX[hex.charCodeAt(i + 1)] ?? 255;
      // Core validates ids; a stray non-hex digit still keeps the declared length (as zero).
      buf[p++] = ((hi > 15 ? 0 : hi) << 4) | (lo > 15 ? 0 : lo);
    }
    this.pos = p;
  }

  /**
   * Start a nested message (or packed field) as `field`; close it with {@link end}. `reserve`
   * bytes are kept for the length prefix: 1 for messages that are nearly always under 128 bytes
   * (attributes, events), more for large ones, so most `end()`s move nothing.
   */
  begin(field: number, reserve = LENGTH_RESERVE): void {
    this.tag(field, WIRE_LENGTH);
    this.ensure(reserve);
    this.starts.push(this.pos);
    this.reserves.push(reserve);
    this.pos += reserve;
  }

  /** Close the innermost {@link begin}: write its length, moving the body if the guess was off. */
  end(): void {
    const start = this.starts.pop()!;
    const reserve = this.reserves.pop()!;
    const bodyStart = start + reserve;
    const length = this.pos - bodyStart;
    if (length < 0x80 && reserve === 1) {
      this.buf[start] = length;
      return;
    }
    const size =
      length < 0x80
        ? 1
        : length < 0x4000
          ? 2
          : length < 0x20_0000
            ? 3
            : length < 0x1000_0000
              ? 4
              : 5;
    if (size !== reserve) {
      if (size > reserve) this.ensure(size - reserve);
      this.buf.copyWithin(start + size, bodyStart, this.pos);
      this.pos += size - reserve;
    }
    let p = start;
    let v = length;
    while (v > 0x7f) {
      this.buf[p++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[p] = v;
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }
}
