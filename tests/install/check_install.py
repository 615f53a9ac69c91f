#!/usr/bin/env python3
"""ror as installed: `cmake --install` into a temporary prefix (or, with --deb, the .deb that
cpack makes, checked by lintian and unpacked with dpkg -x), then the installed binary, its man
page and its bash, zsh and fish completions, each loaded the way its shell loads it.

  check_install.py --build BUILD_DIR [--deb]

Exit 0 when all holds, 1 on a failure, 77 (skipped) when a tool it needs is missing (setup.sh
installs them all)."""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))

failures = []
skipped = []


def fail(what):
    failures.append(what)
    print(f"FAIL {what}", flush=True)


def run(cmd, **kw):
    kw.setdefault("capture_output", True)
    kw.setdefault("text", True)
    kw.setdefault("timeout", 120)
    return subprocess.run(cmd, **kw)


def need(tool):
    if shutil.which(tool):
        return True
    skipped.append(tool)
    print(f"SKIP {tool}: not installed", flush=True)
    return False


def quiet_env(home):
    """No user configuration reaches the shells: a fresh HOME and XDG folders."""
    env = dict(os.environ)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), LC_ALL="C.UTF-8", TERM="dumb")
    env.pop("XDG_DATA_DIRS", None)
    return env


def commands_of(ror):
    """The subcommands `ror --help` lists: what the man page and completions must name."""
    out = run([ror, "--help"]).stdout
    section = out.split("Subcommands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in section.splitlines() if line.strip()]


def check_binary(ror, version):
    r = run([ror, "--version"])
    if r.returncode != 0 or not r.stdout.startswith(f"ror {version}\n"):
        fail(f"{ror} --version: exit {r.returncode}, {r.stdout.splitlines()[:1]}")
    for sample in sorted(glob.glob(os.path.join(SOURCE, "data/samples/*.json"))):
        r = run([ror, "score", "--format", "json", sample])
        try:
            ok = r.returncode == 0 and "verdict" in json.loads(r.stdout)
        except json.JSONDecodeError:
            ok = False
        if not ok:
            fail(f"ror score {os.path.basename(sample)}: exit {r.returncode} {r.stderr.strip()}")


def check_man(page, commands, env):
    """man -l renders the page without a warning and names every command and EXIT STATUS."""
    if not need("man"):
        return
    r = run(["man", "--warnings", "-l", page], env=dict(env, MANWIDTH="80", MANPAGER="cat"))
    text = re.sub(r".\x08", "", r.stdout)  # (overstrike bold, should a pager leave it)
    if r.returncode != 0 or r.stderr.strip():
        fail(f"man -l {page}: exit {r.returncode}: {r.stderr.strip()}")
    for heading in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES"]:
        if not re.search(rf"^{heading}$", text, re.M):
            fail(f"man page: no {heading} section")
    for c in commands:
        if not re.search(rf"^\s+ror {c}\b", text, re.M):
            fail(f"man page: no section for ror {c}")


BASH_PROBE = r"""
complete -p ror || exit 1
probe() {  # probe WORD...: what _ror offers for the last word
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _ror ror "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  echo "[$*] ${COMPREPLY[*]}"
}
probe ror sc
probe ror score --format ''
probe ror score --color = ''
probe ror explain response_r
"""


def check_bash(prefix, script, env):
    if not need("bash"):
        return
    probes = [("[ror sc]", "score"), ("[ror score --format ]", "json"),
              ("[ror score --color = ]", "always"), ("[ror explain response_r]", "response_rate")]
    # Sourced, as a user may; then found by bash-completion's own loader in PREFIX/share.
    loads = [("source", f"source {script}")]
    main = "/usr/share/bash-completion/bash_completion"
    if os.path.exists(main):
        loads.append(("bash-completion", f"source {main}; __load_completion ror"))
    for how, load in loads:
        r = run(["bash", "--norc", "--noprofile", "-c", load + "\n" + BASH_PROBE],
                env=dict(env, XDG_DATA_DIRS=os.path.join(prefix, "share")))
        if r.returncode != 0:
            fail(f"bash ({how}): exit {r.returncode}: {r.stderr.strip()}")
            continue
        for probe, want in probes:
            line = next((l for l in r.stdout.splitlines() if l.startswith(probe)), "")
            if want not in line.split():
                fail(f"bash ({how}): {probe} offers {line[len(probe):].strip()!r}, not {want}")


def check_zsh(folder, env):
    if not need("zsh"):
        return
    script = os.path.join(folder, "_ror")
    r = run(["zsh", "-n", script])
    if r.returncode != 0:
        fail(f"zsh -n {script}: {r.stderr.strip()}")
    # compinit reads the #compdef line from a folder of fpath; the function then loads.
    r = run(["zsh", "-f", "-c",
             f"fpath=({folder} $fpath); autoload -Uz compinit; compinit -u -D; "
             "print -r -- $_comps[ror]; autoload -Uz +X _ror && print loaded"], env=env)
    if r.stdout.split() != ["_ror", "loaded"]:
        fail(f"zsh compinit: {r.stdout.strip()!r} {r.stderr.strip()}")
    # And Tab in an interactive zsh completes as it should.
    for line, want in [("ror sc", "ror score"), ("ror score --format j", "ror score --format json"),
                       ("ror score --by mo", "ror score --by month")]:
        r = run(["zsh", "-f", os.path.join(HERE, "zsh_complete.zsh"), folder, line], env=env,
                timeout=60)
        shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|.\x08|\r", "", r.stdout)
        if not re.search(rf"{re.escape(want)}(\s|$)", shown):
            fail(f"zsh: Tab after {line!r} did not give {want!r}")


def check_fish(prefix, env):
    if not need("fish"):
        return
    probes = [("ror sc", "score"), ("ror score --format ", "json"), ("ror score --fr", "--from"),
              ("ror convert --from x-a", "x-archive")]
    # Found as fish finds vendor completions: in $XDG_DATA_DIRS/fish/vendor_completions.d, for
    # a command on the PATH.
    script = "; ".join(f"complete -C'{line}'; echo ---" for line, _ in probes)
    share = os.path.join(prefix, "share")
    path = os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", "")
    r = run(["fish", "-c", script], env=dict(env, XDG_DATA_DIRS=share, PATH=path))
    answers = r.stdout.split("---\n")
    for (line, want), answer in zip(probes, answers):
        offered = [a.split("\t")[0] for a in answer.splitlines()]
        if want not in offered:
            fail(f"fish: complete -C'{line}' offers {offered[:6]}, not {want}")
    if r.returncode != 0 or len(answers) < len(probes):
        fail(f"fish: exit {r.returncode}: {r.stderr.strip()}")


def check_tree(prefix, ror, man_page, version, env):
    check_binary(ror, version)
    commands = commands_of(ror)
    check_man(man_page, commands, env)
    share = os.path.join(prefix, "share")
    check_bash(prefix, os.path.join(share, "bash-completion/completions/ror"), env)
    check_zsh(os.path.join(share, "zsh/vendor-completions"), env)
    check_fish(prefix, env)


def expected_files(prefix, man_page):
    return [os.path.join(prefix, p) for p in
            ["bin/ror", man_page, "share/bash-completion/completions/ror",
             "share/zsh/vendor-completions/_ror", "share/fish/vendor_completions.d/ror.fish",
             "share/doc/ror/copyright"]]


def check_install(build, tmp, version):
    prefix = os.path.join(tmp, "prefix")
    r = run(["cmake", "--install", build, "--prefix", prefix])
    if r.returncode != 0:
        fail(f"cmake --install: {r.stderr.strip()}")
        return
    for path in expected_files(prefix, "share/man/man1/ror.1"):
        if not os.path.isfile(path):
            fail(f"not installed: {os.path.relpath(path, prefix)}")
    check_tree(prefix, os.path.join(prefix, "bin/ror"),
               os.path.join(prefix, "share/man/man1/ror.1"), version, quiet_env(tmp))


def check_deb(build, tmp, version):
    if not all(need(t) for t in ["cpack", "dpkg-deb", "dpkg-shlibdeps", "lintian"]):
        return
    out = os.path.join(tmp, "package")
    r = run(["cpack", "-G", "DEB", "--config", os.path.join(build, "CPackConfig.cmake"),
             "-B", out], timeout=300)
    debs = glob.glob(os.path.join(out, "*.deb"))
    if r.returncode != 0 or len(debs) != 1:
        fail(f"cpack: exit {r.returncode}, {debs}: {r.stdout[-2000:]} {r.stderr[-2000:]}")
        return
    deb = debs[0]
    fields = dict(re.findall(r"^(\S+): (.*)$", run(["dpkg-deb", "-f", deb]).stdout, re.M))
    for key, want in [("Package", "ror"), ("Version", version)]:
        if fields.get(key) != want:
            fail(f".deb {key}: {fields.get(key)!r}, not {want!r}")
    for key in ["Maintainer", "Description", "Section", "Depends"]:
        if not fields.get(key):
            fail(f".deb has no {key}")
    # Errors fail; warnings are shown, for the log.
    r = run(["lintian", "--no-tag-display-limit", deb], timeout=300)
    tags = [l for l in r.stdout.splitlines() if re.match(r"^[EWIPX]: ", l)]
    for line in tags:
        print(f"lintian: {line}")
    if any(l.startswith("E: ") for l in tags) or "E: " in r.stderr:
        fail("lintian reports errors")
    root = os.path.join(tmp, "root")
    r = run(["dpkg-deb", "-x", deb, root])
    if r.returncode != 0:
        fail(f"dpkg-deb -x: {r.stderr.strip()}")
        return
    prefix = os.path.join(root, "usr")
    for path in expected_files(prefix, "share/man/man1/ror.1.gz"):
        if not os.path.isfile(path):
            fail(f"not in the .deb: {os.path.relpath(path, root)}")
    ror = os.path.join(prefix, "bin/ror")
    if need("file") and "not stripped" in run(["file", ror]).stdout:
        fail("the .deb's ror is not stripped")
    check_tree(prefix, ror, os.path.join(prefix, "share/man/man1/ror.1.gz"), version,
               quiet_env(tmp))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="the CMake build folder")
    parser.add_argument("--deb", action="store_true", help="the .deb instead of cmake --install")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    version = run([os.path.join(build, "ror"), "--version"]).stdout.split("\n")[0].split()[-1]
    with tempfile.TemporaryDirectory(prefix="ror-install-") as tmp:
        (check_deb if args.deb else check_install)(build, tmp, version)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    if skipped:
        print(f"skipped: {', '.join(skipped)} missing")
        return 77
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
