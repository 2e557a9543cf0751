#!/usr/bin/env bash
# Times the Local provider against ExifTool over the same folder of multi-megabyte JPEGs and writes the result into
# the "Local provider" section of docs/benchmarks.md. Usage: bench/local/run.sh [count] [megabytes]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-200}
megabytes=${2:-5}
work=bench/.work/local
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v exiftool >/dev/null || { echo "exiftool is required (apt-get install -y libimage-exiftool-perl)" >&2; exit 1; }
dotnet build bench/local/LocalBench -c Release -o "$work/bin" >/dev/null
bench="dotnet $work/bin/LocalBench.dll"

rm -rf "$work/files" "$work/small"
$bench generate samples/photo-no-declarations.jpg "$work/files" "$count" "$megabytes"
total_mb=$(du -sm "$work/files" | cut -f1)

# Warm the page cache for both contenders alike, and the .NET runtime for ours.
cat "$work/files"/* >/dev/null
$bench scan "$work/files" >/dev/null

read -r files ours_seconds ours_deepfakes < <($bench scan "$work/files")

# The same photos unpadded, to show what the padding costs the Local provider.
rm -rf "$work/small"
$bench generate samples/photo-no-declarations.jpg "$work/small" "$count" 0
cat "$work/small"/* >/dev/null
read -r _ small_seconds _ < <($bench scan "$work/small")
small_rate=$(printf '%.1f' "$(echo "$files / $small_seconds" | bc -l)")

start=$(date +%s.%N)
exif_declared=$(exiftool -q -q -s3 -XMP-iptcExt:DigitalSourceType "$work/files" | grep -c trainedAlgorithmicMedia || true)
end=$(date +%s.%N)
exif_seconds=$(echo "$end - $start" | bc -l)

if [ "$ours_deepfakes" != "$exif_declared" ]; then
  echo "disagreement: Local found $ours_deepfakes declared files, exiftool $exif_declared" >&2
  exit 1
fi

ours_rate=$(printf '%.1f' "$(echo "$files / $ours_seconds" | bc -l)")
exif_rate=$(printf '%.1f' "$(echo "$files / $exif_seconds" | bc -l)")
ratio=$(printf '%.1f' "$(echo "$ours_rate / $exif_rate" | bc -l)")
cores=$(nproc)
memory=$(free -g | awk '/^Mem:/ { print $2 " GB" }')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
exif_version=$(exiftool -ver)
dotnet_version=$(dotnet --version)

section=$(cat <<MD
## Local provider

Measured by \`bench/local/run.sh\` on $(date -u +%Y-%m-%d): $cores cores ($cpu), $memory memory, .NET SDK $dotnet_version,
ExifTool $exif_version. $files JPEGs of about $megabytes MB each ($total_mb MB in all: the project's sample photo padded
with COM segments before SOS, every fourth file declaring \`trainedAlgorithmicMedia\` in XMP), page cache warm for both.

| reader | what it did | files/second |
| --- | --- | --- |
| Local provider (\`LocalProvider.CheckAsync\`, one file at a time, Release) | full check: structure, XMP, EXIF, C2PA, PNG text | $ours_rate |
| \`exiftool -XMP-iptcExt:DigitalSourceType\` (one process over the folder, start-up included) | that one tag | $exif_rate |
| Local provider over the same $files photos unpadded (about 66 KB each) | full check | $small_rate |

The Local provider is **${ratio}x** the files/second of ExifTool here. Both found $ours_deepfakes files declaring
trainedAlgorithmicMedia. It reads a JPEG's marker segments up to SOS (seeking over each padding segment's payload),
never the entropy-coded data, and looks for EOI with a seek to the end; the unpadded row shows what the
multi-megabyte padding costs it. One run, wall-clock time, not a statistical benchmark; on a machine shared with
other builds, repeated runs vary.
MD
)

doc=docs/benchmarks.md
if [ -f "$doc" ] && grep -q '^## Local provider' "$doc"; then
  # Replace our section (up to the next "## " heading) and keep everyone else's.
  awk -v section="$section" '
    /^## Local provider/ { print section; skip = 1; next }
    /^## / && skip { skip = 0; print ""; }
    !skip { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
else
  { [ -f "$doc" ] && cat "$doc" && echo; [ -f "$doc" ] || echo "# Benchmarks"; [ -f "$doc" ] || echo; echo "$section"; } > "$doc.tmp"
  mv "$doc.tmp" "$doc"
fi

echo "Local: $ours_rate files/s; exiftool: $exif_rate files/s; ratio ${ratio}x"
rm -rf "$work/files" "$work/small"
