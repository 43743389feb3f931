#!/usr/bin/env python3
"""Writes Redline's hostile input files into a folder (docs/hostile-input.md lists them).

    scripts/hostile/make-files.py OUT [--big]

Without --big: the small set the test suite also builds. With --big: also a 50 MB article and
a folder of 100,000 files (OUT/many/), for a local run of the release binary:

    swift build -c release
    scripts/hostile/make-files.py /tmp/hostile --big
    /usr/bin/time -v .build/release/redline check --format json /tmp/hostile > /dev/null
"""
import os
import sys


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def small(out):
    write(f"{out}/empty.md", b"")
    write(f"{out}/blank.md", " \n\t\n\n   \n")
    write(f"{out}/front-matter-only.md", "---\ntitle: A plan\n---\n")
    write(f"{out}/front-matter-unterminated.md", "---\ntitle: A plan\n\nThe goverment said.\n")
    write(f"{out}/latin1.txt", "The caf\xe9 said.\n".encode("latin-1"))
    write(f"{out}/utf16le.txt", "\ufeffThe goverment said.\r\n".encode("utf-16-le"))
    write(f"{out}/utf16be.md", "\ufeff# Title\n\nThe goverment said.\n".encode("utf-16-be"))
    write(f"{out}/nul.md", b"PK\x03\x04\x00\x00binary")
    write(f"{out}/nested-quotes.md", "> " * 10000 + "The goverment said.\n")
    write(f"{out}/nested-lists.md", "- " * 10000 + "The goverment said.\n")
    write(f"{out}/nested-indented-lists.md", "".join(" " * (2 * i) + "- item\n" for i in range(1500)))
    write(f"{out}/brackets.md", "[" * 20000 + "The goverment said." + "]" * 20000 + "\n")
    write(f"{out}/emphasis.md", "*_" * 20000 + "The goverment said.\n")
    write(f"{out}/unterminated.md", "```\ncode\n<!-- comment\n<div>\n[link](http://x.example\nThe goverment said.\n")
    write(f"{out}/long-line.txt", "the cat sat on the mat " * 45000 + "the goverment said\n")
    write(f"{out}/many-lines.md", "A line.\n" * 50000)
    write(f"{out}/crlf-cr.md", "# Title\r\rThe goverment said.\r\n\r\nAnother\rline.")


def big(out):
    paragraph = ("Officials said the new road would open in the spring, and that the cost had "
                 "risen by a fifth since the plan was first announced.\n\n")
    write(f"{out}/many-lines-200k.md", "A line.\n" * 200000)
    write(f"{out}/big-50mb.md", paragraph * (50 * 1024 * 1024 // len(paragraph)))
    for i in range(100000):
        write(f"{out}/many/{i // 1000:03d}/story-{i:06d}.md", f"Story {i}: the council met on Tuesday.\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    small(sys.argv[1])
    if "--big" in sys.argv:
        big(sys.argv[1])
