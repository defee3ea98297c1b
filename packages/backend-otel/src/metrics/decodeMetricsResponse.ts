/** The part of an `ExportMetricsServiceResponse` the exporter acts on. */
export interface MetricsResponse {
  readonly partialSuccess?: {
    readonly rejectedDataPoints?: number;
    readonly errorMessage?: string;
  };
}

/**
 * Read an `ExportMetricsServiceResponse` (JSON or protobuf). Only `partial_success` matters
 * (field 1: `rejected_data_points` = 1, varint; `error_message` = 2, string), so this walks the
 * protobuf wire format for just those fields; unknown fields are skipped.
 */
export function decodeMetricsResponse(data: Uint8Array, json: boolean): MetricsResponse {
  if (data.byteLength === 0) return {};
  if (json) {
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as {
      partialSuccess?: { rejectedDataPoints?: number | string; errorMessage?: string };
    };
    const partial = parsed.partialSuccess;
    if (!partial) return {};
    return {
      partialSuccess: {
        ...(partial.rejectedDataPoints === undefined
          ? {}
          : { rejectedDataPoints: Number(partial.rejectedDataPoints) }),
        ...(partial.errorMessage === undefined ? {} : { errorMessage: partial.errorMessage }),
      },
    };
  }
  const outer = fields(data);
  const inner = outer.get(1);
  if (!(inner instanceof Uint8Array)) return {};
  const partial = fields(inner);
  const rejected = partial.get(1);
  const message = partial.get(2);
  return {
    partialSuccess: {
      ...(typeof rejected === 'number' ? { rejectedDataPoints: rejected } : {}),
      ...(message instanceof Uint8Array
        ? { errorMessage: Buffer.from(message).toString('utf8') }
        : {}),
    },
  };
}

/** Top-level fields of a message: varints as numbers, length-delimited as bytes. */
function fields(data: Uint8Array): Map<number, number | Uint8Array> {
  const out = new Map<number, number | Uint8Array>();
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 1;
    for (;;) {
      const byte = data[pos++];
      if (byte === undefined) throw new Error('truncated protobuf response');
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
      shift *= 128;
    }
  };
  while (pos < data.byteLength) {
    const key = varint();
    const field = Math.floor(key / 8);
    switch (key & 7) {
      case 0:
        out.set(field, varint());
        break;
      case 1:
        pos += 8;
        break;
      case 2: {
        const length = varint();
        out.set(field, data.subarray(pos, pos + length));
        pos += length;
        break;
      }
      case 5:
        pos += 4;
        break;
      default:
        throw new Error(`unsupported wire type in protobuf response`);
    }
  }
  return out;
}
