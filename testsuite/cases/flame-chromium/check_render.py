"""Check Chromium's rendering of a flame graph: the PNG (decoded here with
zlib alone) is not blank, and the DOM dump names the traced functions."""
import re
import struct
import sys
import zlib


def fail(msg):
    print("  " + msg)
    sys.exit(1)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def pixels(path):
    """The rows of an 8-bit RGB or RGBA PNG, as lists of (r, g, b)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("%s is not a PNG" % path)
    pos, idat, head = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    width, height, depth, colour = head[:4]
    if depth != 8 or colour not in (2, 6):
        fail("PNG of depth %d, colour type %d: not decoded here" % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, None, []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        up = prev or bytearray(stride)
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            c = up[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (0, a, up[i], (a + up[i]) // 2, paeth(a, up[i], c))[f]) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return rows


def main():
    png, dom = sys.argv[1:3]
    rows = pixels(png)
    counts = {}
    for row in rows:
        for p in row:
            counts[p] = counts.get(p, 0) + 1
    total = sum(counts.values())
    background, most = max(counts.items(), key=lambda kv: kv[1])
    if len(counts) < 8 or most > 0.9 * total:
        fail("blank picture: %d colours, %r covers %d of %d pixels"
             % (len(counts), background, most, total))
    warm = sum(n for (r, g, b), n in counts.items() if r > 200 and b < 120 and g > 80)
    if warm < 0.05 * total:
        fail("the frames' colours cover %d of %d pixels" % (warm, total))
    text = open(dom, encoding="utf-8").read()
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", text)
    for name in ("all", "outer_calc", "inner_mul"):
        if name not in labels:
            fail("%s not among the labels in the DOM: %s" % (name, labels))
    if "\u00b5s" not in text or "<title>outer_calc (" not in text:
        fail("no titles with times in the DOM")


main()
