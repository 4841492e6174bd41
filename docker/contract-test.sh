#!/usr/bin/env bash
# Container-contract test, for machines without a Docker engine: does what docker/Dockerfile does, as plain
# processes. It runs the build stage's `dotnet` steps, starts the published output with the image's ENTRYPOINT,
# ENV and a temporary folder standing in for /data, waits for readiness, writes a lead, restarts, reads the lead
# back, runs the HEALTHCHECK command itself (which must pass while the emulator runs and fail once it stops), and
# starts once more with a mounted seed document (Emulator__SeedFile), which must be listed once the emulator is ready.
set -euo pipefail
cd "$(dirname "$0")/.."

dockerfile=docker/Dockerfile
work=$(mktemp -d)
port=${CONTRACT_PORT:-18080}
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

json_array_to_words() { sed -E 's/^\[//; s/\]$//; s/", *"/ /g; s/"//g'; }

# The build stage's ARG TARGETARCH, as docker build sets it on this machine.
export TARGETARCH="${TARGETARCH:-$(dpkg --print-architecture)}"

# 1. The build stage's RUN steps (WORKDIR /src is the repository root), writing to $work/app instead of /app/publish.
grep -E '^RUN dotnet ' "$dockerfile" | sed -E "s#^RUN ##; s#/app/publish#$work/app#" | while read -r step; do
  echo "+ $step"
  eval "$step" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done

# 2. The runtime stage's ENV, with /data mapped to a temporary folder and the port moved off 8080
#    (as `docker run -v <folder>:/data -e ASPNETCORE_HTTP_PORTS=...` would).
mkdir -p "$work/data"
while read -r assignment; do
  eval "export ${assignment//\/data\//$work/data/}"
done < <(grep -E '^ENV ' "$dockerfile" | sed -E 's/^ENV //')
export ASPNETCORE_HTTP_PORTS=$port
base="http://localhost:$port"
# The development tenant's token (README, "Development tenant").
token=InboxEmulatorDevgBPS8LiaC3dmHF90mrS3xoE9iSrCzILXCTrRJcML22KyUH8pWpw1d2ItXGzsg5dvfYyDHIf6XpLUFOpxJJhBnLnEOLKEwGmm7sZWsvG8M4XXTPZ9Xl9zkdK3B1httQ9uDBKWGn3Z9hFHH8kEIOZ8jlvgXDeBZUthQkceNQ0dF4zbZhnlqAQehYIn4VrS3geK6bm3Gpcfl3YntMNg894UV3E9ymksbJ67NCB_64b7f0c2a1d3e4f5a6b7c8d9_c

read -r -a entrypoint < <(grep -E '^ENTRYPOINT ' "$dockerfile" | sed -E 's/^ENTRYPOINT //' | json_array_to_words)
read -r -a healthcheck < <(grep -E '^HEALTHCHECK ' "$dockerfile" | sed -E 's/.* CMD //' | json_array_to_words)

start() {
  (cd "$work/app" && exec "${entrypoint[@]}") > "$work/run.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$base/_emulator/ready" > /dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the emulator did not become ready:"; cat "$work/run.log"; exit 1
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }
healthcheck() { (cd "$work/app" && "${healthcheck[@]}") > /dev/null 2>&1; }

start
curl -fsS -X PUT "$base/inbox/direct/lead" -H "x-bp-token: $token" -H 'Content-Type: application/json' \
  -d '{"uuid":"contract-test","botId":"64b7f0c2a1d3e4f5a6b7c8da","customerId":"64b7f0c2a1d3e4f5a6b7c8d9","name":"Contract"}' > /dev/null
healthcheck || { echo "HEALTHCHECK failed against a running emulator"; exit 1; }
stop
[ -f "$work/data/emulator.db" ] || { echo "no database in the /data stand-in"; exit 1; }
if healthcheck; then echo "HEALTHCHECK passed with the emulator stopped"; exit 1; fi

start
chats=$(curl -fsS "$base/inbox/direct/chats?botId=64b7f0c2a1d3e4f5a6b7c8da&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=lead" -H "x-bot-token: $token")
grep -q '"uuid":"contract-test"' <<< "$chats" || { echo "the lead did not survive a restart: $chats"; exit 1; }
healthcheck || { echo "HEALTHCHECK failed after the restart"; exit 1; }
stop

# 3. `docker run -v ./seed.json:/seed.json -e Emulator__SeedFile=/seed.json` (README, "Testing with the emulator").
cat > "$work/seed.json" <<'JSON'
{"chats": [{"customerId": "64b7f0c2a1d3e4f5a6b7c8d9", "botId": "64b7f0c2a1d3e4f5a6b7c8da", "uuid": "seeded-at-start",
            "name": "Seeded", "createdAt": "2024-01-31T09:30:00.000Z"}]}
JSON
export Emulator__SeedFile="$work/seed.json"
start
chats=$(curl -fsS "$base/inbox/direct/chats?botId=64b7f0c2a1d3e4f5a6b7c8da&customerId=64b7f0c2a1d3e4f5a6b7c8d9&page=1&type=lead" -H "x-bot-token: $token")
grep -q '"uuid":"seeded-at-start"' <<< "$chats" || { echo "the seed file was not loaded before readiness: $chats"; exit 1; }
stop

echo "container contract: publish, entrypoint, /data persistence across a restart, HEALTHCHECK and the start-up seed all hold"
