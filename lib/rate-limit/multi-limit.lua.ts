// Several fixed-window limits checked (and spent) atomically in ONE Redis call, plus the
// request's usage count when every limit allows it. rate-limiter-flexible's
// RateLimiterRedis spends one key per call; an API-key request has two limits (key and
// org) and a usage counter, so this script keeps it to one round trip.
//
// KEYS[1..n]: limit counters; KEYS[n+1] (optional): the pending-usage hash.
// ARGV[1]: n; ARGV[2i], ARGV[2i+1]: points and window (ms) of limit i; ARGV[2n+2]: usage field.
// Returns { allowed, count1, pttl1, count2, pttl2, ... }. A refused request spends nothing.
export const MULTI_LIMIT_LUA = `
local n = tonumber(ARGV[1])
local allowed = 1
for i = 1, n do
  local current = tonumber(redis.call("GET", KEYS[i]) or "0")
  if current + 1 > tonumber(ARGV[2 * i]) then allowed = 0 end
end
local out = { allowed }
for i = 1, n do
  local count
  if allowed == 1 then count = redis.call("INCR", KEYS[i]) else count = tonumber(redis.call("GET", KEYS[i]) or "0") end
  local ttl = redis.call("PTTL", KEYS[i])
  if ttl < 0 and count > 0 then
    redis.call("PEXPIRE", KEYS[i], ARGV[2 * i + 1])
    ttl = tonumber(ARGV[2 * i + 1])
  end
  if ttl < 0 then ttl = tonumber(ARGV[2 * i + 1]) end
  out[#out + 1] = count
  out[#out + 1] = ttl
end
if allowed == 1 and #KEYS > n then redis.call("HINCRBY", KEYS[n + 1], ARGV[2 * n + 2], 1) end
return out
`;
