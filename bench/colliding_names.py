#!/usr/bin/env python3
"""Writes a ror/v1 document whose comments come from N distinct authors whose names all have
one value under the unkeyed hash the author tables used before issue 11 (StringIndex::hash up
to that change, written out below): interning them was quadratic there. The hash is inverted,
not searched: each name is 16 bytes, two 8-byte words; the first is a counter, the second is
solved for so that the state after it is one fixed value, and kept when all its bytes are ASCII
(written with \\u escapes where JSON needs them), about one try in 300.

  bench/colliding_names.py [-n 50000] [--posts 10] [-o FILE]   (default: standard output)
  bench/colliding_names.py --random ...                       the same shape, random names

Deterministic: the same arguments give the same bytes.
"""

import argparse
import json
import random
import sys

MASK = (1 << 64) - 1
M1 = 0xBF58476D1CE4E5B9
M2 = 0x94D049BB133111EB
M1_INVERSE = pow(M1, -1, 1 << 64)
NAME_BYTES = 16


def old_hash(data: bytes) -> int:
    """The unkeyed hash, as StringIndex::hash computed it."""
    h = 0x9E3779B97F4A7C15 ^ len(data)
    i = 0
    while i + 8 <= len(data):
        h = ((h ^ int.from_bytes(data[i:i + 8], "little")) * M1) & MASK
        h ^= h >> 29
        i += 8
    h = ((h ^ int.from_bytes(data[i:], "little")) * M2) & MASK
    return h ^ (h >> 31)


def mix(x: int) -> int:
    y = (x * M1) & MASK
    return y ^ (y >> 29)


def unmix(z: int) -> int:
    y = z ^ (z >> 29) ^ (z >> 58)  # undoes y ^ (y >> 29)
    return (y * M1_INVERSE) & MASK


def usable(word: int) -> bool:
    # Every byte ASCII, and neither NUL nor the unit separator (ror's qualifier mark).
    for _ in range(8):
        b = word & 0xFF
        if b == 0 or b == 0x1F or b & 0x80:
            return False
        word >>= 8
    return True


def colliding_names(n: int):
    target = 0x0123456789ABCDEF  # the state after the second word, for every name
    u = unmix(target)
    h0 = 0x9E3779B97F4A7C15 ^ NAME_BYTES
    counter = 0
    names = []
    while len(names) < n:
        # The first word: "u" and seven base-36 digits of the counter (always usable).
        digits = ""
        c = counter
        for _ in range(7):
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[c % 36] + digits
            c //= 36
        first = ("u" + digits).encode("ascii")
        counter += 1
        second = mix(h0 ^ int.from_bytes(first, "little")) ^ u
        if usable(second):
            names.append(first + second.to_bytes(8, "little"))
    return names


def random_names(n: int, rng: random.Random):
    seen = set()
    names = []
    while len(names) < n:
        name = bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(NAME_BYTES))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=50000, help="authors (one comment each)")
    parser.add_argument("--posts", type=int, default=10, help="posts the comments are spread over")
    parser.add_argument("--random", action="store_true", help="random names instead")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    rng = random.Random(11)
    names = random_names(args.n, rng) if args.random else colliding_names(args.n)
    if not args.random:
        assert len({old_hash(name) for name in names}) == 1
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="ascii")
    out.write('{"schema": "ror/v1", "account": {"handle": "acme"}, "posts": [\n')
    per_post = (len(names) + args.posts - 1) // args.posts
    for p in range(args.posts):
        chunk = names[p * per_post:(p + 1) * per_post]
        comments = ",\n".join(
            '{"id": "c%d", "author": %s, "created_at": "2026-01-%02dT12:00:00Z"}'
            % (k, json.dumps(name.decode("ascii")), p % 28 + 1)
            for k, name in enumerate(chunk))
        out.write('%s{"id": "p%d", "created_at": "2026-01-%02dT10:00:00Z", "text": "post %d",\n'
                  ' "comments": [\n%s]}\n' % ("," if p else "", p, p % 28 + 1, p, comments))
    out.write("]}\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
