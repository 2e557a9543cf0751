#!/usr/bin/env python3
"""Writes a benchmark corpus: copies of tests/Fixtures/astronaut.jpg (or .png) padded to a chosen size.

JPEG: COM segments inserted just before the SOS segment (the scan stays intact, so the image still decodes).
PNG: tEXt chunks inserted after IHDR. The first segment carries DFSANDBOX{nonce=...;<directives>} so every
file has its own hash and the sandbox may apply a marker outcome. Nothing here is committed; the harness
writes into bench/.work/, which is git-ignored.

usage: corpus.py --out DIR --count N --size BYTES [--format jpg|png] [--directives 'outcome=genuine'] [--prefix img]
"""
import argparse
import os
import struct
import sys
import zlib

COM_MAX = 65533  # payload bytes per JPEG COM segment (length field counts its own 2 bytes)


def find_sos(jpeg: bytes) -> int:
    """Offset of the FFDA (start of scan) marker, walking the segment chain from SOI."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    pos = 2
    while pos < len(jpeg):
        if jpeg[pos] != 0xFF:
            raise ValueError("broken JPEG segment chain at %d" % pos)
        marker = jpeg[pos + 1]
        if marker == 0xDA:
            return pos
        if marker == 0xFF:
            pos += 1
            continue
        length = struct.unpack(">H", jpeg[pos + 2:pos + 4])[0]
        pos += 2 + length
    raise ValueError("no SOS in JPEG")


def jpeg_with_padding(jpeg: bytes, marker: bytes, size: int) -> bytes:
    sos = find_sos(jpeg)
    segments = [b"\xff\xfe" + struct.pack(">H", len(marker) + 2) + marker]
    remaining = size - len(jpeg) - len(segments[0])
    while remaining > 4:
        payload = min(COM_MAX, remaining - 4)
        segments.append(b"\xff\xfe" + struct.pack(">H", payload + 2) + b"\x20" * payload)
        remaining -= payload + 4
    return jpeg[:sos] + b"".join(segments) + jpeg[sos:]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_with_padding(png: bytes, marker: bytes, size: int) -> bytes:
    after_ihdr = 8 + 12 + 13
    chunks = [png_chunk(b"tEXt", b"Comment\0" + marker)]
    remaining = size - len(png) - len(chunks[0])
    while remaining > 12 + 8:
        payload = min(1 << 20, remaining - 12)
        chunks.append(png_chunk(b"tEXt", b"Padding\0" + b"\x20" * (payload - 8)))
        remaining -= payload + 12
    return png[:after_ihdr] + b"".join(chunks) + png[after_ihdr:]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--format", choices=["jpg", "png"], default="jpg")
    parser.add_argument("--directives", default="")
    parser.add_argument("--prefix", default="img")
    parser.add_argument("--fixtures", default=os.path.join(os.path.dirname(__file__), "..", "tests", "Fixtures"))
    args = parser.parse_args()

    with open(os.path.join(args.fixtures, "astronaut." + args.format), "rb") as f:
        source = f.read()
    if args.size < len(source) + 64:
        print("size %d is smaller than the fixture (%d bytes)" % (args.size, len(source)), file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    pad = jpeg_with_padding if args.format == "jpg" else png_with_padding
    width = len(str(args.count))
    for i in range(args.count):
        directives = "nonce=%s-%d" % (args.prefix, i)
        if args.directives:
            directives += ";" + args.directives
        data = pad(source, ("DFSANDBOX{%s}" % directives).encode("ascii"), args.size)
        with open(os.path.join(args.out, "%s-%0*d.%s" % (args.prefix, width, i, args.format)), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
