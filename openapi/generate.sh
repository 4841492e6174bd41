#!/usr/bin/env bash
# Regenerates the committed OpenAPI documents from the code (never edit them by hand):
#   openapi/inbox.json     the emulated Inbox API (/inbox/...)
#   openapi/emulator.json  the emulator's own surface (/_emulator/...)
# Usage: openapi/generate.sh [output-folder]   (default: openapi/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-openapi}
mkdir -p "$out"

dotnet tool restore > /dev/null
dotnet build src/Emulator/Emulator.csproj -c Release -v quiet -nologo > /dev/null
for document in inbox emulator; do
  dotnet swagger tofile --openapiversion 3.1 --output "$out/$document.json" \
    src/Emulator/bin/Release/net10.0/Emulator.dll "$document" > /dev/null
done
echo "wrote $out/inbox.json and $out/emulator.json"
