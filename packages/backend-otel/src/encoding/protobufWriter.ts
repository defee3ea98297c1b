import type { HrTime } from '@lexigram/monitor-core';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;
/** Bytes reserved for a nested message's length prefix: a varint of up to 2^28 - 1 bytes. */
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

  constructor(initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
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
    this.pos += this.buf.write(hex, this.pos, 'hex');
  }

  /** Start a nested message (or packed field) as `field`; close it with {@link end}. */
  begin(field: number): void {
    this.tag(field, WIRE_LENGTH);
    this.ensure(LENGTH_RESERVE);
    this.starts.push(this.pos);
    this.pos += LENGTH_RESERVE;
  }

  /** Close the innermost {@link begin}: write its length and close the gap. */
  end(): void {
    const start = this.starts.pop()!;
    const bodyStart = start + LENGTH_RESERVE;
    const length = this.pos - bodyStart;
    let size = 1;
    for (let v = length; v > 0x7f; v = Math.floor(v / 128)) size++;
    let p = start;
    let v = length;
    while (v > 0x7f) {
      this.buf[p++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[p] = v;
    if (size < LENGTH_RESERVE) {
      this.buf.copyWithin(start + size, bodyStart, this.pos);
      this.pos -= LENGTH_RESERVE - size;
    }
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
