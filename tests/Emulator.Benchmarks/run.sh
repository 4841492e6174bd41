#!/usr/bin/env bash
# The benchmark (README, "Performance"): builds Release and runs the emulator beside a bare-Kestrel ceiling under wrk,
# on 127.0.0.1 only. Installs wrk (Debian package) when it is missing. Arguments go to the harness:
#   --chats N (10,000) --seconds S (10) --rounds R (2) --scale (also 1,000,000 chats) --smoke (1 s, 1,000 chats)
#   --only TEXT (scenarios whose name holds it) --env NAME=VALUE (for the emulator process only)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk > /dev/null; then
  apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
fi
# The emulator runs as the Docker image ships it (docker/Dockerfile): published for this machine's architecture,
# self-contained, with the app and the .NET libraries ReadyToRun-compiled into one composite image, started as an
# executable. Its intermediate and output files go to folders of their own, so that they never mix with a
# framework-dependent build's.
publish=tests/Emulator.Benchmarks/bin/emulator-publish
rm -rf "$publish"
dotnet publish src/Emulator -c Release -a "$(dpkg --print-architecture)" -p:SelfContained=true -p:PublishReadyToRunComposite=true \
  -p:IntermediateOutputPath="$PWD/src/Emulator/obj/bench-composite/" -p:OutputPath="$PWD/src/Emulator/bin/bench-composite/" \
  -o "$publish" > /dev/null
exec dotnet run -c Release --project tests/Emulator.Benchmarks -- --emulator "$publish/Emulator" "$@"
