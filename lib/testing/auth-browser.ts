// Plays a browser against Bastion's route handlers, called directly (no server): keeps
// cookies between requests, sends our Origin, and reports redirects without following.
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";

const ORIGIN = "http://localhost:3000";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export class AuthBrowser {
  readonly jar = new Map<string, string>();

  constructor(readonly ip = "127.0.0.1") {}

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  /** Any route handler, with this browser's cookies. */
  async call(handler: Handler, method: string, path: string, params: Record<string, string | string[]>, body?: { form?: Record<string, string>; json?: unknown }): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), origin: ORIGIN, "user-agent": "vitest-browser", "x-bastion-client-ip": this.ip };
    let payload: string | undefined;
    if (body?.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(body.form).toString();
    } else if (body?.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    }
    const response = await handler(new Request(new URL(path, ORIGIN), { method, headers, body: payload }), { params: Promise.resolve(params) });
    this.store(response.headers.getSetCookie());
    return response;
  }

  /** GET or POST under /api/auth/ (path with its query). */
  auth(method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<Response> {
    const url = new URL(path, ORIGIN);
    const segments = url.pathname.replace(/^\/api\/auth\//, "").split("/").filter(Boolean);
    return this.call(method === "GET" ? authGet : authPost, method, `${url.pathname}${url.search}`, { nextauth: segments }, form ? { form } : undefined);
  }

  /** Starts a sign-in the way the sign-in page does (CSRF token first). */
  async signIn(providerId: string, fields: Record<string, string> = {}): Promise<Response> {
    const { csrfToken } = (await (await this.auth("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    return this.auth("POST", `/api/auth/signin/${providerId}`, { ...fields, csrfToken });
  }

  private store(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, val] = attribute.trim().split("=");
        if (key?.toLowerCase() === "max-age") return Number(val) <= 0;
        if (key?.toLowerCase() === "expires") return new Date(val ?? "").getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}

/** The Location of a redirect, or of next-auth's { url } answer. */
export function locationOf(response: Response): string {
  const location = response.headers.get("location");
  if (!location) throw new Error(`expected a redirect, got HTTP ${response.status}`);
  return location;
}
