#!/usr/bin/env python3
"""Differential test: the reference metrics vs `ROR_BINARY score --format json FILE`.

Usage: python3 compare.py ROR_BINARY [--seeds 1-200] [--posts K] [--keep DIR]

Seeds alternate between a JSON document (odd seeds) and NDJSON (even seeds). Every metric of
roi/ror/hygiene `.metrics` is compared: numbers with relative tolerance 1e-9 (absolute 1e-12),
nulls exactly, top_audience entries field by field. Exit 0 when all seeds agree, 1 otherwise.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import gen_dataset  # noqa: E402
import ror_reference  # noqa: E402

SECTIONS = ("roi", "ror", "hygiene")


def parse_seeds(spec):
    seeds = []
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        elif part:
            seeds.append(int(part))
    return seeds


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def same_value(ref, got):
    if ref is None or got is None:
        return ref is None and got is None
    if is_number(ref) and is_number(got):
        return math.isclose(ref, got, rel_tol=1e-9, abs_tol=1e-12)
    return type(ref) is type(got) and ref == got


def compare_metrics(ref, got):
    """Yields (metric path, reference value, binary value) for every disagreement."""
    for section in SECTIONS:
        ref_m = ref[section]["metrics"]
        got_section = got.get(section) if isinstance(got, dict) else None
        got_m = got_section.get("metrics") if isinstance(got_section, dict) else None
        if not isinstance(got_m, dict):
            yield (section + ".metrics", "<object>", "<missing>")
            continue
        for name, ref_v in ref_m.items():
            path = section + "." + name
            if name not in got_m:
                yield (path, ref_v, "<missing>")
                continue
            got_v = got_m[name]
            if name == "top_audience":
                yield from compare_top(path, ref_v, got_v)
            elif not same_value(ref_v, got_v):
                yield (path, ref_v, got_v)
        for name in got_m:
            if name not in ref_m:
                yield (section + "." + name, "<absent>", got_m[name])


def compare_top(path, ref_rows, got_rows):
    if not isinstance(got_rows, list):
        yield (path, "<list>", got_rows)
        return
    if len(ref_rows) != len(got_rows):
        yield (path + ".length", len(ref_rows), len(got_rows))
    for i, (r, g) in enumerate(zip(ref_rows, got_rows)):
        if not isinstance(g, dict):
            yield ("%s[%d]" % (path, i), r, g)
            continue
        for field, ref_v in r.items():
            got_v = g.get(field, "<missing>")
            if not same_value(ref_v, got_v):
                yield ("%s[%d].%s" % (path, i, field), ref_v, got_v)


def run_seed(binary, seed, posts, workdir):
    """Returns a list of mismatch lines (empty when the seed passes)."""
    ndjson = seed % 2 == 0
    text = gen_dataset.generate(seed, posts, ndjson)
    path = os.path.join(workdir, "seed%d.%s" % (seed, "ndjson" if ndjson else "json"))
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    ref = ror_reference.score_files([path])
    try:
        proc = subprocess.run([binary, "score", "--format", "json", path], capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return ["seed %d (%s): binary timed out" % (seed, path)]
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        return ["seed %d (%s): binary exited %d: %s" % (seed, path, proc.returncode, err)]
    try:
        got = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return ["seed %d (%s): binary output is not JSON: %s" % (seed, path, e)]
    return ["seed %d (%s): %s: reference %s, binary %s" % (seed, path, metric, json.dumps(r, ensure_ascii=False),
                                                           json.dumps(g, ensure_ascii=False))
            for metric, r, g in compare_metrics(ref, got)]


def main():
    parser = argparse.ArgumentParser(description="compare ror against the reference implementation")
    parser.add_argument("binary")
    parser.add_argument("--seeds", default="1-200")
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--keep", help="write the datasets into this folder (default: a temporary one)")
    args = parser.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="ror-compare-") as tmp:
        workdir = args.keep or tmp
        os.makedirs(workdir, exist_ok=True)
        for seed in parse_seeds(args.seeds):
            problems = run_seed(args.binary, seed, args.posts, workdir)
            if problems:
                failed += 1
                for line in problems:
                    print(line)
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
