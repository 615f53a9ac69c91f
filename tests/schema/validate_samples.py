#!/usr/bin/env python3
"""Checks that the bundled samples and the CLI's valid fixtures satisfy data/schema/ror-v1.schema.json,
and that the fixtures meant to be rejected for schema reasons are rejected by it too.

Needs the jsonschema module (Debian: python3-jsonschema); exits 77 (skipped) without it.
"""

import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("schema: the jsonschema module is not installed, skipping")
    sys.exit(77)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = json.load(open(os.path.join(ROOT, "data", "schema", "ror-v1.schema.json")))
FIXTURES = os.path.join(ROOT, "tests", "cli", "fixtures")


def validator(ref=None):
    schema = SCHEMA if ref is None else {**SCHEMA, "$ref": "#/$defs/" + ref}
    if ref is not None:
        schema = {k: v for k, v in schema.items() if k in ("$schema", "$defs", "$ref")}
    return jsonschema.Draft202012Validator(schema)


def errors_of(path):
    """Schema errors of a document or an NDJSON file."""
    text = open(path, encoding="utf-8").read()
    try:
        return list(validator().iter_errors(json.loads(text)))
    except json.JSONDecodeError:
        pass
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        value = json.loads(line)
        kind = "account_line" if number == 1 and "account" in value and "id" not in value else "post"
        problems += list(validator(kind).iter_errors(value))
    return problems


def main():
    valid = [os.path.join(ROOT, "data", "samples", f)
             for f in sorted(os.listdir(os.path.join(ROOT, "data", "samples")))
             if f.endswith((".json", ".ndjson"))]
    valid += [os.path.join(FIXTURES, f) for f in ("small.json", "small.ndjson", "warnings.json")]
    invalid = [os.path.join(FIXTURES, f) for f in
               ("missing-created-at.json", "bad-timestamp.json", "wrong-type.json",
                "negative-count.json", "wrong-schema.json")]
    passed = failed = 0
    for path in valid:
        problems = errors_of(path)
        if problems:
            failed += 1
            print("FAIL %s: %s" % (os.path.relpath(path, ROOT), problems[0].message))
        else:
            passed += 1
    for path in invalid:
        if errors_of(path):
            passed += 1
        else:
            failed += 1
            print("FAIL %s: the schema accepts it" % os.path.relpath(path, ROOT))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
