// Reads a request body with a size cap, counting bytes as they arrive so an oversized
// body is refused without being buffered whole.
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from "../errors";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function readRawBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(request: Request, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaType("application/json");
  const raw = await readRawBody(request, maxBytes);
  if (raw.byteLength === 0) throw new BadRequest("The request body is empty; JSON expected");
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new BadRequest("The request body is not valid JSON");
  }
}
