"""What the server processes use, read from /proc (Linux): CPU time and peak resident memory."""

import os


def cpu_seconds(pids):
    """CPU time (user + system) the server processes have used so far; None where /proc is unavailable."""
    total = 0.0
    try:
        for pid in pids:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return total


def peak_rss_mb(pids):
    """Each process's peak resident memory so far (VmHWM), in MB; None where unreadable."""
    peaks = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as handle:
                kilobytes = next(int(line.split()[1]) for line in handle if line.startswith("VmHWM:"))
            peaks.append(round(kilobytes / 1024, 1))
        except (OSError, StopIteration, ValueError):
            peaks.append(None)
    return peaks
