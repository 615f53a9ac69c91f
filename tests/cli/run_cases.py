#!/usr/bin/env python3
"""End-to-end CLI cases: each folder under --cases holds

  cmd      one shell command line; `ror` is the binary under test, run from tests/cli/
  exit     the expected exit code
  expout   the expected standard output (exact bytes)
  experr   optional: the expected standard error (exact bytes)
  stdin    optional: fed to the command's standard input

Usage: run_cases.py --binary PATH --cases DIR [--update] [NAME...]
--update rewrites expout/experr/exit from what the binary does now; review with `git diff`.
"""

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile


def run_case(case_dir, tools_dir, workdir):
    with open(os.path.join(case_dir, "cmd"), encoding="utf-8") as f:
        cmd = f.read().strip()
    stdin_path = os.path.join(case_dir, "stdin")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    env = {
        "PATH": tools_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
        "LC_ALL": "C.UTF-8",
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    try:
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=workdir, stdin=stdin, capture_output=True,
                              env=env, timeout=60)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    return proc.returncode, proc.stdout, proc.stderr


def read(path, default=None):
    if not os.path.exists(path):
        return default
    with open(path, "rb") as f:
        return f.read()


def show_diff(label, expected, actual):
    lines = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(True),
                                 actual.decode("utf-8", "replace").splitlines(True),
                                 "expected " + label, "actual " + label)
    sys.stdout.write("".join(lines)[:4000])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()

    binary = os.path.abspath(args.binary)
    cases_root = os.path.abspath(args.cases)
    workdir = os.path.dirname(cases_root)
    tools_dir = tempfile.mkdtemp(prefix="ror-cli-")
    os.symlink(binary, os.path.join(tools_dir, "ror"))
    names = args.names or sorted(d for d in os.listdir(cases_root)
                                 if os.path.isdir(os.path.join(cases_root, d)))
    passed = failed = 0
    try:
        for name in names:
            case_dir = os.path.join(cases_root, name)
            code, out, err = run_case(case_dir, tools_dir, workdir)
            if args.update:
                with open(os.path.join(case_dir, "exit"), "w") as f:
                    f.write(f"{code}\n")
                with open(os.path.join(case_dir, "expout"), "wb") as f:
                    f.write(out)
                if err or os.path.exists(os.path.join(case_dir, "experr")):
                    with open(os.path.join(case_dir, "experr"), "wb") as f:
                        f.write(err)
                passed += 1
                continue
            want_code = int(read(os.path.join(case_dir, "exit"), b"0").decode().strip())
            want_out = read(os.path.join(case_dir, "expout"), b"")
            want_err = read(os.path.join(case_dir, "experr"))
            problems = []
            if code != want_code:
                problems.append(f"exit code {code}, expected {want_code}")
            if out != want_out:
                problems.append("stdout differs")
            if want_err is not None and err != want_err:
                problems.append("stderr differs")
            if problems:
                failed += 1
                print(f"FAIL {name}: {'; '.join(problems)}")
                if out != want_out:
                    show_diff("stdout", want_out, out)
                if want_err is not None and err != want_err:
                    show_diff("stderr", want_err, err)
                elif code != want_code:
                    sys.stdout.write(err.decode("utf-8", "replace")[:2000])
            else:
                passed += 1
    finally:
        shutil.rmtree(tools_dir, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
