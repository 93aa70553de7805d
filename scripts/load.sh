#!/usr/bin/env bash
# Load test of the error path (issue 7): wrk against the demo server's GET /orders with
# `Authorization: Bearer expired` (auth-errors' TOKEN_EXPIRED response) and against
# GET /handwritten/orders on the same server, which builds the same 401 by hand.
#
#   bash scripts/load.sh                       # 30 s per run, 2 rounds, alternating routes
#   DURATION=5 ROUNDS=1 bash scripts/load.sh   # a quick trial
#
# Traffic goes to 127.0.0.1 only. The server runs with RUST_LOG=warn, so the debug event
# each 4xx records is off, as in production. Every response is a 401: wrk counts them as
# non-2xx, which is expected; socket errors and timeouts must be 0. Prints requests/s,
# latency percentiles, the server's RSS before and after, and the ratio of the two
# routes; exits 1 on any socket error or timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-30}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-1}"
PORT="${PORT:-3931}"
BASE="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

cargo build -q --release -p auth-errors-demo --example server
RUST_LOG=warn PORT="$PORT" target/release/examples/server > target/load-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$BASE/orders" && break
  sleep 0.1
done

rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }

# Both routes must answer with the same bytes before they are compared.
a=$(curl -s -i -H 'Authorization: Bearer expired' "$BASE/orders" | grep -iv '^date:')
b=$(curl -s -i -H 'Authorization: Bearer expired' "$BASE/handwritten/orders" | grep -iv '^date:')
if [ "$a" != "$b" ]; then
  echo "the two routes answer differently:"; diff <(echo "$a") <(echo "$b") || true; exit 1
fi
echo "$a" | head -1

lua=$(mktemp --suffix=.lua)
cat > "$lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer expired"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50=%.1f p90=%.1f p99=%.1f p999=%.1f max=%.1f connect=%d read=%d write=%d timeout=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA
trap 'kill $server 2>/dev/null || true; rm -f "$lua"' EXIT

# Warm-up, not reported.
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$lua" "$BASE/orders" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$lua" "$BASE/handwritten/orders" >/dev/null
rss_before=$(rss)
echo "nproc $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg); server RSS after warm-up: ${rss_before} kB"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS round(s), latencies in µs"

declare -A total
errors=0
for round in $(seq 1 "$ROUNDS"); do
  for route in orders handwritten/orders; do
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "$BASE/$route" | grep '^RESULT')
    echo "round $round  /$route  ${line#RESULT } rss_kb=$(rss)"
    rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
    total[$route]=$(python3 -c "print(${total[$route]:-0} + $rps)")
    bad=$(sed -E 's/.* connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/\1+\2+\3+\4/' <<<"$line")
    errors=$((errors + bad))
  done
done
rss_after=$(rss)

python3 - "${total[orders]}" "${total[handwritten/orders]}" "$ROUNDS" "$rss_before" "$rss_after" "$errors" <<'PY'
import sys
gen, hand, rounds, before, after, errors = sys.argv[1:]
gen, hand, rounds, before, after = float(gen), float(hand), int(rounds), int(before), int(after)
print(f"mean requests/s: /orders (auth-errors) {gen / rounds:.0f}, /handwritten/orders {hand / rounds:.0f}")
print(f"auth-errors / hand-written throughput: {gen / hand:.3f}x ({(gen / hand - 1) * 100:+.1f}%)")
print(f"server RSS: {before} kB after warm-up, {after} kB at the end ({(after - before) / before * 100:+.1f}%)")
print(f"socket errors + timeouts: {errors}")
PY
[ "$errors" -eq 0 ]
