#!/usr/bin/env python3
"""The hostile corpus: inputs made to break a reader, written afresh into a temporary folder
(the large ones are hundreds of MB, so none is kept in the repository), each run through
`ror score` with a time limit. Every input must give either a report (exit 0) or exactly one
line `ror: error: ...` naming the input, with the exit code the class expects; never a signal,
a hang or a second line. Where an input is read, its peak memory (the kernel's count for that
process) must stay under the class's bound, which is written as a multiple of the largest
single item plus the dataset.

Usage: run_hostile.py --binary PATH [--only NAME...] [--keep DIR]
Prints one line per class: exit code, seconds, peak MiB, what it gave.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024
WORDS = "lorem ipsum " * 1000  # 12,000 bytes of plain text


def write_text_post(path, text_bytes, ndjson):
    """One post whose text is `text_bytes` long: a document, or an NDJSON line."""
    with open(path, "w", encoding="utf-8") as f:
        head = '{"id": "p1", "created_at": "2026-01-01T00:00:00Z", "text": "'
        if ndjson:
            f.write('{"account": {"handle": "acme"}}\n' + head)
        else:
            f.write('{"account": {"handle": "acme"}, "posts": [' + head)
        for _ in range(text_bytes // len(WORDS)):
            f.write(WORDS)
        f.write('"}\n' if ndjson else '"}]}\n')


def write_tiny_posts(path, posts):
    """`posts` tiny posts, one NDJSON line each, every id distinct."""
    block = "".join('{"id": "BLK-%d", "created_at": "2026-01-01T00:00:00Z", "text": "hi"}\n' % i
                    for i in range(10000))
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"account": {"handle": "acme"}}\n')
        for b in range(posts // 10000):
            f.write(block.replace("BLK", "b%d" % b))


def write_gone_chain(path, n):
    """Hacker News items: a story, then `n` deleted comments each answering the one before, each
    with a reply under it (every reply is placed through the whole chain above it)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"by": "acme", "id": 1, "time": 1700000000, "type": "story", "title": "t"}\n')
        for i in range(n):
            parent = 1 if i == 0 else 9 + i
            f.write('{"deleted": true, "id": %d, "parent": %d, "time": %d, "type": "comment"}\n'
                    % (10 + i, parent, 1700000001 + i))
            f.write('{"by": "u%d", "id": %d, "parent": %d, "time": %d, "type": "comment", '
                    '"text": "x"}\n' % (i, 10_000_000 + i, 10 + i, 1700000001 + i))


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


def post_doc(inner):
    """A ror/v1 document with one post whose fields end with `inner` (bytes)."""
    return (b'{"account": {"handle": "acme"}, "posts": [{"id": "p1", '
            b'"created_at": "2026-01-01T00:00:00Z", ' + inner + b'}]}\n')


# name: (writer(path), file name, expected exit, what stderr must hold, memory bound as
# (times the largest item, plus MiB, the item's bytes), options). The large items are bound to
# 1.5 times the item plus 60 MiB (the process and its dataset of one post). The 10 million tiny
# posts, whose dataset is the memory (864 MB), to the dataset (as `-v` tells it: option
# "dataset") plus 200 MiB: the load's index of post ids (8 bytes a slot, 128 MB) and the process.
def classes():
    text_mb = 200
    line_mb = 500
    tiny = 10_000_000
    return [
        ("deep-nesting", lambda p: write_bytes(
            p, post_doc(b'"text": "x", "extra": ' + b"[" * 200_000 + b"]" * 200_000)),
         "deep.json", 3, "too deep", None, {}),
        ("deep-nesting-line", lambda p: write_bytes(
            p, b'{"account": {"handle": "acme"}}\n{"id": "p", "extra": '
            + b"{\"a\": " * 100_000 + b"1" + b"}" * 100_000 + b"}\n"),
         "deep.ndjson", 3, "too deep", None, {}),
        ("huge-string", lambda p: write_text_post(p, text_mb * 1000 * 1000, False),
         "huge-string.json", 0, None, (1.5, 60, text_mb * 1000 * 1000), {}),
        ("huge-string-pipe", lambda p: write_text_post(p, text_mb * 1000 * 1000, False),
         "huge-string.json", 0, None, (1.5, 60, text_mb * 1000 * 1000), {"pipe": True}),
        ("huge-number", lambda p: write_bytes(
            p, post_doc(b'"text": "x", "metrics": {"likes": ' + b"9" * 1_000_000 + b"}")),
         "huge-number.json", 3, "likes", None, {}),
        ("huge-exponent", lambda p: write_bytes(
            p, post_doc(b'"text": "x", "metrics": {"likes": 1e999999999}')),
         "huge-exponent.json", 3, "likes", None, {}),
        ("nul-in-string", lambda p: write_bytes(p, post_doc(b'"text": "a\x00b"')),
         "nul-string.json", 3, "nul-string.json: no importer recognises this input (binary data)",
         None, {}),
        ("nul-between-tokens", lambda p: write_bytes(p, post_doc(b'"text": "ab"\x00')),
         "nul-token.json", 3, "nul-token.json: no importer recognises this input (binary data)",
         None, {}),
        # (a megabyte of zeros is an empty tar archive: two zero blocks end one)
        ("nul-bytes-only", lambda p: write_bytes(p, b"\x00" * 1_000_000),
         "zeros.json", 3, "empty input: no posts in", None, {}),
        ("bom", lambda p: write_bytes(p, b"\xef\xbb\xbf" + post_doc(b'"text": "hello"')),
         "bom.json", 0, None, None, {}),
        # invalid UTF-8 is replaced by U+FFFD and counted: a report, and a warning on stderr
        ("invalid-utf8", lambda p: write_bytes(p, post_doc(b'"text": "caf\xe9 \xff\xfe"')),
         "bad-utf8.json", 0, "invalid UTF-8 replaced by U+FFFD (3 sequences", None, {}),
        ("overlong-utf8", lambda p: write_bytes(p, post_doc(b'"text": "\xc0\xaf"')),
         "overlong.json", 0, "invalid UTF-8 replaced by U+FFFD (2 sequences", None, {}),
        ("invalid-utf8-outside-strings", lambda p: write_bytes(p, post_doc(b'"text": "x"\xff')),
         "bad-utf8-token.json", 3, "bad-utf8-token.json:1:", None, {}),
        ("lone-surrogate-escape", lambda p: write_bytes(p, post_doc(b'"text": "\\ud800 x"')),
         "surrogate.json", 3, "surrogate.json:1:", None, {}),
        ("truncated-mid-escape", lambda p: write_bytes(
            p, b'{"account": {"handle": "acme"}, "posts": [{"id": "p1", "text": "abc\\u12'),
         "truncated.json", 3, "truncated.json", None, {}),
        ("truncated-mid-line", lambda p: write_bytes(
            p, b'{"account": {"handle": "acme"}}\n{"id": "p1", "created_at": "2026-01-01T00:0'),
         "truncated.ndjson", 3, "truncated.ndjson:2:", None, {}),
        ("empty-file", lambda p: write_bytes(p, b""), "empty.json", 3, "empty.json", None, {}),
        ("whitespace-only", lambda p: write_bytes(p, b" \n\t\r\n" * 100_000),
         "blank.json", 3, "blank.json", None, {}),
        ("line-500mb", lambda p: write_text_post(p, line_mb * 1000 * 1000, True),
         "line.ndjson", 0, None, (1.5, 60, line_mb * 1000 * 1000), {}),
        # (linking each reply through the chain anew was quadratic: hours at this size)
        ("deleted-chain", lambda p: write_gone_chain(p, 200_000),
         "gone.ndjson", 0, None, None, {}),
        ("tiny-posts-10m", lambda p: write_tiny_posts(p, tiny),
         "tiny.ndjson", 0, None, (1.5, 200, 0), {"dataset": True}),
        ("tiny-posts-out-of-memory", lambda p: write_tiny_posts(p, 2_000_000),
         "tiny-2m.ndjson", 5, "out of memory while loading", None, {"limit_mb": 250}),
    ]


def run(binary, path, pipe, limit_mb, timeout, verbose=False):
    """Runs `ror score` on path; returns (exit or -signal, seconds, peak MiB, stdout, stderr)."""
    def limits():
        if limit_mb:
            resource.setrlimit(resource.RLIMIT_AS, (limit_mb * MIB, limit_mb * MIB))

    args = [binary, "score", "--format", "json"] + (["-v"] if verbose else []) + (
        ["-"] if pipe else [path])
    stdin = open(path, "rb") if pipe else subprocess.DEVNULL
    start = time.monotonic()
    proc = subprocess.Popen(args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=limits, cwd=os.path.dirname(path))
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return None, timeout, 0, out, err
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    seconds = time.monotonic() - start
    # (communicate reaped it: its rusage is the children's maximum so far, which this script's
    # earlier runs may hold; each class therefore runs in a child of its own, see main)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return proc.returncode, seconds, peak, out, err


def check(name, spec, binary, folder, timeout):
    _, make, file_name, want_exit, want_err, bound, opts = spec
    path = os.path.join(folder, file_name)
    if not os.path.exists(path):
        make(path)
    code, seconds, peak, out, err = run(binary, path, opts.get("pipe", False),
                                        opts.get("limit_mb"), timeout, opts.get("dataset", False))
    lines = err.decode("utf-8", "replace").splitlines()
    problems = []
    if code is None:
        problems.append(f"no answer in {timeout} s")
    elif code < 0:
        problems.append(f"killed by signal {-code}")
    elif code != want_exit:
        problems.append(f"exit {code}, expected {want_exit}")
    if want_exit == 0:
        if code == 0 and not out.startswith(b'{\n  "schema_version"'):
            problems.append("no JSON report on stdout")
        try:
            out.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"the report is not UTF-8 ({e})")
        if want_err and not any(want_err in line for line in lines):
            problems.append(f"stderr does not say {want_err!r}: {lines[:3]}")
    else:
        if len(lines) != 1 or not lines[0].startswith("ror: error: "):
            problems.append(f"stderr is not one error line: {lines[:3]}")
        elif want_err and want_err not in lines[0]:
            problems.append(f"the error does not say {want_err!r}")
        if out:
            problems.append("stdout is not empty")
    limit = None
    said_dataset = ""
    if bound and code == 0:
        times, plus, item = bound
        limit = times * item / MIB + plus
        if opts.get("dataset"):
            held = re.search(r"dataset holds ([0-9.]+) MB", err.decode("utf-8", "replace"))
            if not held:
                problems.append("-v does not say what the dataset holds")
            else:
                dataset = float(held.group(1)) * 1e6 / MIB
                limit += dataset
                said_dataset = f" (dataset {dataset:.0f} MiB)"
        if peak > limit:
            problems.append(f"peak {peak:.0f} MiB over the bound {limit:.0f} MiB")
    shown = [line for line in lines if not line.startswith("ror: debug:")]
    said = shown[0][:110] if shown else ("report" if code == 0 else "")
    said += said_dataset
    ratio = f" ({peak * MIB / bound[2]:.2f}x the item)" if bound and bound[2] else ""
    print(f"{'FAIL' if problems else 'ok  '} {name:26} exit {code!s:>4} {seconds:6.1f} s "
          f"{peak:7.0f} MiB{ratio}  {said}")
    for p in problems:
        print(f"     {p}")
    return not problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--keep", help="write the inputs here and keep them")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # (a class, in a process of its own)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    specs = {s[0]: s for s in classes()}
    folder = args.keep or tempfile.mkdtemp(prefix="ror-hostile-")
    if args.one:
        sys.exit(0 if check(args.one, specs[args.one], binary, folder, args.timeout) else 1)
    os.makedirs(folder, exist_ok=True)
    names = args.only or list(specs)
    failed = 0
    try:
        for name in names:
            # Each class in a process of its own, so that its peak memory is its own.
            proc = subprocess.run([sys.executable, __file__, "--binary", binary, "--one", name,
                                   "--keep", folder, "--timeout", str(args.timeout)])
            failed += proc.returncode != 0
            spec = specs[name]
            if not args.keep:
                path = os.path.join(folder, spec[2])
                if os.path.exists(path) and os.path.getsize(path) > 50 * MIB and not any(
                        specs[n][2] == spec[2] for n in names[names.index(name) + 1:]):
                    os.remove(path)  # (the large ones, once no later class reads them)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"{len(names) - failed} of {len(names)} hostile classes as expected")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
