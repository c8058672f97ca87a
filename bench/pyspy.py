"""Sampling the served site with py-spy while a target runs (`BENCH_PROFILE=1 make bench`).

Each server process is recorded for the target's whole run into var/bench/profiles/<target>-<pid>.txt
(py-spy's collapsed stacks; `py-spy` can also draw them: see its --format flamegraph). A short summary
of where the samples fall is printed: the project's own functions and the libraries by share of samples.
"""

import re
import subprocess
from collections import Counter

from .config import ROOT, VAR

FRAME = re.compile(r"^(?P<function>.+?) \((?P<file>[^:]+)(?::\d+)?\)$")
PROJECT = ("ideabank/", "search/", "home/", "templates/")


def start(pids, target, seconds):
    folder = VAR / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    recorders = []
    for pid in pids:
        output = folder / f"{target}-{pid}.txt"
        command = [str(ROOT / ".venv" / "bin" / "py-spy"), "record", "--pid", str(pid), "--duration", str(int(seconds))]
        command += ["--rate", "200", "--format", "raw", "--output", str(output), "--nonblocking"]
        recorders.append(
            (output, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))  # noqa: S603
        )
    return recorders


def finish(recorders, target, top=12):
    totals, project, libraries = 0, Counter(), Counter()
    for output, process in recorders:
        process.wait()
        if not output.exists():
            continue
        for line in output.read_text(encoding="utf-8").splitlines():
            stack, _space, count = line.rpartition(" ")
            if not count.isdigit():
                continue
            samples = int(count)
            totals += samples
            seen_functions, seen_libraries = set(), set()
            for frame in stack.split(";"):
                match = FRAME.match(frame)
                if not match:
                    continue
                path = match["file"]  # relative to its sys.path entry, e.g. django/db/models/query.py
                if path.startswith(PROJECT):
                    seen_functions.add(f"{match['function']} ({path})")
                else:
                    seen_libraries.add(path.split("/", 1)[0].removesuffix(".py"))
            for name in seen_functions:
                project[name] += samples
            for name in seen_libraries:
                libraries[name] += samples
    if not totals:
        print(f"[profile] {target}: no samples (py-spy needs ptrace rights)", flush=True)
        return
    print(f"[profile] {target}: {totals} samples in the server processes (inclusive shares)", flush=True)
    for name, samples in project.most_common(top):
        print(f"[profile]   {samples / totals:6.1%}  {name}", flush=True)
    print(
        "[profile]   libraries: "
        + ", ".join(f"{name} {samples / totals:.0%}" for name, samples in libraries.most_common(8)),
        flush=True,
    )
