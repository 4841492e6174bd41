#!/usr/bin/env bash
# Container test: builds docker/Dockerfile with a real engine and checks, against the running container, what a Docker
# user meets (README, "Configuration": Docker): health within a bound (the time is printed), a lead written, kept across
# `docker restart`, the HEALTHCHECK reporting healthy (also under ASPNETCORE_URLS), the non-root user, a seed file
# mounted as the README shows, a host folder the image's user cannot write (one clear message, exit 78), `docker stop`
# ending cleanly, and docker/compose.yaml coming up healthy.
#
# Where no engine answers, or the .NET base images cannot be pulled (no registry access), it first runs
# docker-standin-bases.sh (found through $DOCKER_STANDIN_SCRIPT, else ../shared/tools/ beside the repository), which
# installs Debian's engine, starts dockerd and builds local stand-ins of the base images; a daemon it started is
# stopped at the end, by its PID. On a machine that can pull the images, nothing of that runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

image=inbox-emulator:container-test
prefix=inbox-container-test
port=${CONTAINER_TEST_PORT:-18090}
work=$(mktemp -d)
daemon_pid=""
bound_ms=${CONTAINER_HEALTHY_BOUND_MS:-15000}
log() { printf '[container-test] %s\n' "$*"; }

# /usr/bin/docker where it is installed (Debian's docker.io puts its client there: 20.10 on bookworm, the oldest the
# README's commands must work with), else whichever docker is on the PATH.
docker() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else command docker "$@"; fi; }

cleanup() {
  set +e
  docker rm -fv $(docker ps -aq --filter "name=$prefix") > /dev/null 2>&1
  [ -z "$tagged_deps" ] || docker rmi "$tagged_deps" > /dev/null 2>&1
  docker volume rm -f "$prefix-data" "$prefix-again" > /dev/null 2>&1
  if [ -n "$compose" ]; then $compose -f docker/compose.yaml down -v > /dev/null 2>&1; fi
  rm -rf "$work"
  if [ -n "$daemon_pid" ]; then
    log "stopping the dockerd this test started (PID $daemon_pid)"
    kill "$daemon_pid" 2> /dev/null && while kill -0 "$daemon_pid" 2> /dev/null; do sleep 0.2; done
  fi
}
compose=""
tagged_deps=""
trap cleanup EXIT

# 1. An engine and the base images.
can_pull() {
  for base in mcr.microsoft.com/dotnet/runtime-deps:10.0 mcr.microsoft.com/dotnet/sdk:10.0; do
    docker image inspect "$base" > /dev/null 2>&1 || timeout 120 docker pull -q "$base" > /dev/null 2>&1 || return 1
  done
}
if ! { [ -x /usr/bin/docker ] || type -P docker > /dev/null; } || ! docker info > /dev/null 2>&1 || ! can_pull; then
  standin=${DOCKER_STANDIN_SCRIPT:-}
  for candidate in "$(dirname "$repo")/shared/tools/docker-standin-bases.sh" /work/shared/tools/docker-standin-bases.sh; do
    [ -n "$standin" ] || [ ! -f "$candidate" ] || standin=$candidate
  done
  [ -n "$standin" ] && [ -f "$standin" ] \
    || { echo "No Docker engine with the .NET base images, and no docker-standin-bases.sh (../shared/tools/) to provide them." >&2; exit 1; }
  log "using $standin"
  bash "$standin" | tee "$work/standin.log"
  daemon_pid=$(sed -nE 's/.*dockerd started, PID ([0-9]+).*/\1/p' "$work/standin.log")
fi

# The stand-ins are aspnet and sdk only. The aspnet stand-in has all of runtime-deps (the same Debian, libraries and
# user `app`) plus a .NET runtime the self-contained app does not use: it stands in for runtime-deps, which makes the
# image measured here larger than one built on the real runtime-deps.
deps=mcr.microsoft.com/dotnet/runtime-deps:10.0
aspnet=mcr.microsoft.com/dotnet/aspnet:10.0
if ! docker image inspect "$deps" > /dev/null 2>&1; then
  log "no $deps: the aspnet stand-in is tagged as it"
  docker tag "$aspnet" "$deps"
  tagged_deps=$deps
fi
unused_mb=0
if [ "$(docker image inspect -f '{{.Id}}' "$deps")" = "$(docker image inspect -f '{{.Id}}' "$aspnet" 2> /dev/null)" ]; then
  unused_mb=$(docker run --rm --entrypoint du "$deps" -sm /usr/share/dotnet | cut -f1)
fi

# 2. The image, as the README builds it.
log "docker $(docker version --format '{{.Client.Version}} (client), {{.Server.Version}} (engine)')"
log "docker build"
docker build -q -f docker/Dockerfile -t "$image" . > /dev/null
size=$(docker image inspect -f '{{.Size}}' "$image")
app_mb=$(docker run --rm --entrypoint du "$image" -sm /app | cut -f1)
if [ "$unused_mb" -gt 0 ]; then
  log "image size: $((size / 1000000)) MB, of which the app $app_mb MB and the stand-in's unused .NET runtime $unused_mb MB"
else
  log "image size: $((size / 1000000)) MB, of which the app $app_mb MB"
fi

now_ms() { date +%s%3N; }
wait_health() { # url, bound in ms
  local deadline=$(($(now_ms) + $2))
  until curl -fs "$1/_emulator/health" > /dev/null 2>&1; do
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}
wait_status() { # container, wanted health status, bound in s
  local deadline=$(($(date +%s) + $3)) status
  while :; do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$1")
    [ "$status" = "$2" ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$1 is $status, not $2" >&2; docker logs "$1" | tail -20 >&2; return 1; }
    sleep 0.5
  done
}
base="http://127.0.0.1:$port"

# 3. docker run as the README shows it: healthy within the bound, non-root, a lead kept across a restart.
start=$(now_ms)
docker run -d --name "$prefix-main" -p "127.0.0.1:$port:8080" -v "$prefix-data:/data" --health-interval=2s "$image" > /dev/null
wait_health "$base" "$bound_ms" || { docker logs "$prefix-main" >&2; echo "not healthy within $bound_ms ms" >&2; exit 1; }
log "time from docker run to the first healthy answer: $(($(now_ms) - start)) ms (first run after the build)"

uid=$(docker exec "$prefix-main" id -u)
[ "$uid" = 1654 ] || { echo "the emulator runs as uid $uid, not 1654" >&2; exit 1; }
docker logs "$prefix-main" 2>&1 | grep -q "Inbox Emulator is ready." || { echo "no banner" >&2; exit 1; }

curl -fs -X PUT "$base/inbox/direct/lead" -H "x-bp-token: $(curl -fs "$base/_emulator/tenants" | sed -nE 's/.*"token":"([^"]+)".*/\1/p' | head -1)" \
  -H 'content-type: application/json' \
  -d '{"uuid": "container-lead", "botId": "64b7f0c2a1d3e4f5a6b7c8da", "customerId": "64b7f0c2a1d3e4f5a6b7c8d9", "name": "Kept"}' > /dev/null
docker restart -t 10 "$prefix-main" > /dev/null
wait_health "$base" "$bound_ms" || { echo "not healthy after docker restart" >&2; exit 1; }
curl -fs "$base/_emulator/chats?customerId=64b7f0c2a1d3e4f5a6b7c8d9" | grep -q '"container-lead"' \
  || { echo "the lead did not survive docker restart" >&2; exit 1; }
wait_status "$prefix-main" healthy 60
log "lead kept across docker restart; HEALTHCHECK healthy; uid 1654"

# 4. docker stop ends the process cleanly.
docker stop -t 10 "$prefix-main" > /dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$prefix-main")
[ "$code" = 0 ] || { docker logs "$prefix-main" | tail -20 >&2; echo "docker stop: exit code $code" >&2; exit 1; }
log "docker stop: exit code 0"

# Three more, nothing else running, each with a new volume: the image's files are in the page cache by now (the first
# run after a build reads them from disk). The median is the figure the README gives.
times=()
for run in 1 2 3; do
  docker volume rm -f "$prefix-again" > /dev/null 2>&1
  start=$(now_ms)
  docker run -d --name "$prefix-again" -p "127.0.0.1:$((port + 3)):8080" -v "$prefix-again:/data" "$image" > /dev/null
  wait_health "http://127.0.0.1:$((port + 3))" "$bound_ms" || { docker logs "$prefix-again" >&2; exit 1; }
  times+=($(($(now_ms) - start)))
  docker rm -fv "$prefix-again" > /dev/null
done
log "time from docker run to the first healthy answer, 3 new containers: ${times[*]} ms (median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p) ms)"

# 5. ASPNETCORE_URLS instead of the image's port: the HEALTHCHECK follows it.
docker run -d --name "$prefix-urls" -e ASPNETCORE_URLS=http://+:9090 -p "127.0.0.1:$((port + 1)):9090" --health-interval=2s "$image" > /dev/null
wait_status "$prefix-urls" healthy 60
log "ASPNETCORE_URLS=http://+:9090: healthy"

# 6. A seed file mounted as the README shows (-v "$PWD/seed.json:/seed.json").
cat > "$work/seed.json" << 'JSON'
{"chats": [{"customerId": "64b7f0c2a1d3e4f5a6b7c8d9", "botId": "64b7f0c2a1d3e4f5a6b7c8da", "uuid": "seeded-lead", "name": "Seeded"}]}
JSON
chmod 644 "$work/seed.json"
(cd "$work" && docker run -d --name "$prefix-seed" -p "127.0.0.1:$((port + 2)):8080" -v "$PWD/seed.json:/seed.json" \
  -e Emulator__SeedFile=/seed.json "$image" > /dev/null)
wait_health "http://127.0.0.1:$((port + 2))" "$bound_ms" || { docker logs "$prefix-seed" >&2; exit 1; }
curl -fs "http://127.0.0.1:$((port + 2))/_emulator/chats?customerId=64b7f0c2a1d3e4f5a6b7c8d9" | grep -q '"seeded-lead"' \
  || { echo "the mounted seed file was not loaded" >&2; exit 1; }
log "mounted seed file loaded"

# 7. A host folder the image's user cannot write: one message naming /data, the uid and the fixes; exit code 78.
mkdir -p "$work/host-data" && chmod 755 "$work/host-data"
docker run --name "$prefix-hostdir" -v "$work/host-data:/data" "$image" > "$work/hostdir.log" 2>&1 && { echo "started on an unwritable /data" >&2; exit 1; }
code=$(docker inspect -f '{{.State.ExitCode}}' "$prefix-hostdir")
[ "$code" = 78 ] || { cat "$work/hostdir.log" >&2; echo "unwritable /data: exit code $code, not 78" >&2; exit 1; }
for words in "'/data' is not writable" "user id 1654" "-v inbox-data:/data" "chown -R 1654"; do
  grep -qF -- "$words" "$work/hostdir.log" || { cat "$work/hostdir.log" >&2; echo "the message lacks: $words" >&2; exit 1; }
done
log "unwritable host folder: exit 78 with the message"

# 8. docker/compose.yaml, with docker-compose 1.x or docker compose v2.
if command -v docker-compose > /dev/null; then compose=docker-compose; elif docker compose version > /dev/null 2>&1; then compose="docker compose"; fi
if [ -n "$compose" ] && { docker volume inspect inbox-data > /dev/null 2>&1 || docker container inspect inbox-emulator > /dev/null 2>&1; }; then
  # The compose file names its volume and container for users; this check removes both when done, so it never runs
  # where they already hold someone's data.
  compose_in_use=$compose; compose=""
  echo "docker/compose.yaml check: the inbox-data volume or inbox-emulator container already exists here ($compose_in_use); remove them or run on a clean engine." >&2
  exit 1
fi
if [ -n "$compose" ]; then
  $compose -f docker/compose.yaml up -d --build > "$work/compose.log" 2>&1 || { cat "$work/compose.log" >&2; exit 1; }
  wait_health "http://127.0.0.1:8080" 60000 || { $compose -f docker/compose.yaml logs >&2; exit 1; }
  docker volume inspect inbox-data > /dev/null
  wait_status inbox-emulator healthy 90
  log "$compose: up, healthy, volume inbox-data"
else
  echo "neither docker-compose nor docker compose is installed" >&2
  exit 1
fi
log "all passed"
