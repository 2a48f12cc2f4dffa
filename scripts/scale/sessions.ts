// Sessions, sign-out, member removal and a rate limit, all through nginx: whichever web
// process answers must give the same verdict, at once.
import { call, pool, type Answer } from "./client";
import type { Tally } from "./tally";

export type People = { slug: string; password: string; owner: string; member: string; leaver: string; memberMembershipId: string };

type Ctx = { port: number; origin: string; tally: Tally };

async function signIn(ctx: Ctx, email: string, password: string, from: string): Promise<string> {
  const answer = await call({ port: ctx.port, method: "POST", path: "/api/v1/auth/sign-in", from, body: JSON.stringify({ email, password }), headers: { "content-type": "application/json", origin: ctx.origin } });
  const cookie = String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
  if (answer.status !== 200 || !cookie) throw new Error(`sign-in of ${email} answered ${answer.status}`);
  return cookie;
}

/** Enough requests that round-robin lands on both processes; answers with who served them. */
async function fromBoth(ctx: Ctx, path: string, cookie: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let index = 0; index < 6; index++) answers.push(await call({ port: ctx.port, path, headers: { cookie } }));
  return answers;
}

const upstreams = (answers: Answer[]) => new Set(answers.map((answer) => answer.upstream));
const statuses = (answers: Answer[]) => [...new Set(answers.map((answer) => answer.status))].join(",");

export async function checkSessions(ctx: Ctx, people: People): Promise<void> {
  const { tally } = ctx;
  const members = `/api/v1/orgs/${people.slug}/members`;

  const ownerCookie = await signIn(ctx, people.owner, people.password, "127.0.0.2");
  const memberCookie = await signIn(ctx, people.member, people.password, "127.0.0.2");
  const seen = await fromBoth(ctx, members, memberCookie);
  tally.check("a session signed in through one process works on both", upstreams(seen).size === 2 && seen.every((answer) => answer.status === 200), `statuses ${statuses(seen)} from ${[...upstreams(seen)].join(" and ")}`);

  const leaverCookie = await signIn(ctx, people.leaver, people.password, "127.0.0.2");
  const beforeOut = await fromBoth(ctx, members, leaverCookie);
  const out = await call({ port: ctx.port, method: "POST", path: "/api/v1/auth/sign-out", headers: { cookie: leaverCookie, origin: ctx.origin, "content-type": "application/json" }, body: "{}" });
  const afterOut = await fromBoth(ctx, members, leaverCookie);
  tally.check(
    "sign-out on one process is honoured by both at once",
    beforeOut.every((answer) => answer.status === 200) && out.status === 200 && upstreams(afterOut).size === 2 && afterOut.every((answer) => answer.status === 401),
    `before ${statuses(beforeOut)}; sign-out ${out.status} by ${out.upstream}; then ${statuses(afterOut)} from ${upstreams(afterOut).size} processes`,
  );

  const removal = await call({ port: ctx.port, method: "DELETE", path: `${members}/${people.memberMembershipId}`, headers: { cookie: ownerCookie, origin: ctx.origin } });
  const afterRemoval = await fromBoth(ctx, members, memberCookie);
  tally.check("member removal on one process is honoured by both at once", removal.status < 300 && upstreams(afterRemoval).size === 2 && afterRemoval.every((answer) => answer.status === 404), `removal ${removal.status} by ${removal.upstream}; then ${statuses(afterRemoval)} from ${upstreams(afterRemoval).size} processes`);
}

/** Sign-in attempts from one address, concurrently over both processes: exactly the limit is admitted. */
export async function checkRateLimit(ctx: Ctx, limit: number): Promise<void> {
  const attempts = Array.from({ length: limit + 20 }, (_, index) => `nobody-${index}@scale.test`);
  const answers = await pool(attempts, 8, (email) =>
    call({ port: ctx.port, method: "POST", path: "/api/v1/auth/sign-in", from: "127.0.0.3", body: JSON.stringify({ email, password: "wrong-password-123" }), headers: { "content-type": "application/json", origin: ctx.origin } }),
  );
  const admitted = answers.filter((answer) => answer.status !== 429);
  const unexpected = admitted.filter((answer) => answer.status !== 401);
  ctx.tally.check(
    `a limit of ${limit} sign-in attempts per IP admits exactly ${limit} across both processes`,
    admitted.length === limit && unexpected.length === 0 && upstreams(answers).size === 2,
    `${answers.length} sent, ${admitted.length} admitted, ${answers.length - admitted.length} answered 429, served by ${upstreams(answers).size} processes${unexpected.length ? `, unexpected statuses ${statuses(unexpected)}` : ""}`,
  );
}
