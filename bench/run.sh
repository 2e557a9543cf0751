#!/usr/bin/env bash
# The benchmark harness: one command. See docs/benchmarks.md for what it measures and the latest figures.
#
#   bench/run.sh            full run (about 15 minutes on 2 cores, campaign included); rewrites the generated part of docs/benchmarks.md
#   bench/run.sh --quick    fewer items and runs; also rewrites docs/benchmarks.md (marked --quick)
#   bench/run.sh --smoke    tiny sizes, one run: asserts every result is correct, writes bench/.work/smoke.md only
#   add --skip-publish      to leave out the ReadyToRun and Native AOT publishes (only the framework-dependent build is measured)
#   add --skip-campaign     to leave out the 2,000-item fault campaign whose figures go in the same page
#
# Builds in Release, generates its corpus into bench/.work/ (git-ignored), starts the sandbox in its own process
# and drives the built `deepfake` and `xargs -P 16 curl` against it. Installs hyperfine, GNU time, curl and
# python3 with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=full
extra=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --smoke) mode=smoke ;;
    --skip-publish) extra+=(--skip-publish) ;;
    --skip-campaign) extra+=(--skip-campaign) ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
# Native AOT links with clang and needs zlib's headers (case 4 publishes the CLI that way).
if [ "$mode" != smoke ]; then
  command -v clang >/dev/null || missing+=(clang)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "[bench] building Release"
dotnet build src/Deepfake.Sandbox -c Release -nologo -clp:NoSummary -v q
dotnet build src/Deepfake.Cli -c Release -nologo -clp:NoSummary -v q

exec python3 bench/harness.py --mode "$mode" "${extra[@]+"${extra[@]}"}"
