import type { HttpInstrumentation } from '../lifecycle/httpInstrumentation.js';
import type { RequestRecord } from '../lifecycle/requestRecord.js';

/**
 * End `record` when `response`'s body is fully read (or at once when it has none). The returned
 * response streams the same bytes; a consumer that cancels the body ends the request as aborted.
 */
export function finishResponse(
  instrumentation: HttpInstrumentation<Request>,
  record: RequestRecord,
  response: Response,
): Response {
  const body = response.body;
  if (body === null) {
    instrumentation.end(record, response.status, false, true, 0, response, readHeader);
    return response;
  }
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  let size = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
        if (chunk.done || chunk.value === undefined) {
          controller.close();
          instrumentation.end(record, response.status, false, true, size, response, readHeader);
          return;
        }
        size += chunk.value.byteLength;
        controller.enqueue(chunk.value);
      } catch (error) {
        instrumentation.setError(record, error);
        instrumentation.end(record, response.status, true, true, size, response, readHeader);
        controller.error(error);
      }
    },
    async cancel(reason) {
      instrumentation.end(record, response.status, true, true, size, response, readHeader);
      await reader.cancel(reason);
    },
  });
  return new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function readHeader(response: Response, name: string): string | undefined {
  return response.headers.get(name) ?? undefined;
}
