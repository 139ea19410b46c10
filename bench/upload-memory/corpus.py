#!/usr/bin/env python3
"""Writes the hostile upload corpus into a folder, one file per case, at the sizes an attacker would send to an API
with its default limits (512 MiB sent, 4 GiB inflated, 1 MiB lines). Listed in bench/upload-memory/corpus.tsv.

  corpus.py DIR
"""
import gzip
import io
import os
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024


def ledger(*args):
    return subprocess.run([sys.executable, os.path.join(HERE, "ledger.py"), *args], check=True, capture_output=True).stdout


def gzip_stream(path, pieces):
    """Gzips an iterable of byte pieces into path, streaming (a 4 GiB body is never in memory)."""
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as out:
        for piece in pieces:
            out.write(piece)


def repeat(piece, total):
    """total bytes made of piece, in pieces of at most 64 MiB."""
    block = piece * max(1, (64 * MIB) // len(piece))
    while total > 0:
        take = min(total, len(block))
        yield block[:take]
        total -= take


def main(folder):
    os.makedirs(folder, exist_ok=True)
    header = ledger("header")
    rows = ledger("rows", "2000")
    path = lambda name: os.path.join(folder, name)

    gzip_stream(path("bomb.gz"), repeat(b"\0", 2 * 1024 * MIB))                          # 2 GiB of zero bytes
    gzip_stream(path("past-limit.gz"), [header, *repeat(b"\n", 4 * 1024 * MIB + 1)])   # valid (empty) lines past 4 GiB
    gzip_stream(path("rejects.gz"), [ledger("rejects", "3000000")])                     # 3,000,000 rejected rows
    gzip_stream(path("long-line.gz"), [header, b"a" * (20 * 1000 * 1000), b"\n"])       # one 20 MB line
    gzip_stream(path("open-quote.gz"), [header, b'"', b"short line\n" * 3_000_000])    # a quoted field that never ends
    whole = io.BytesIO()
    with gzip.GzipFile(fileobj=whole, mode="wb", mtime=0) as out:
        out.write(rows)
    with open(path("truncated.gz"), "wb") as f:                                         # a gzip cut in half
        f.write(whole.getvalue()[: len(whole.getvalue()) // 2])
    with open(path("wrong-magic.tsv"), "wb") as f:                                      # sent as gzip, is not
        f.write(rows)
    with open(path("unknown-type.tsv"), "wb") as f:                                     # sent to an unknown report type
        f.write(rows)
    open(path("empty.tsv"), "wb").close()
    with open(path("header-only.tsv"), "wb") as f:
        f.write(header)
    with open(path("bom-crlf.tsv"), "wb") as f:                                         # well formed: read as data
        f.write(b"\xef\xbb\xbf" + rows.replace(b"\n", b"\r\n"))
    with open(path("latin1.tsv"), "wb") as f:                                           # well formed: read as data
        f.write(rows.decode("utf-8").replace("Premium", "Caf\u00e9 Cr\u00e8me").encode("latin-1"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
