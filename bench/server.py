"""The server under test: the production ASGI server (daphne, as `make run` and the deployment outline
use) with the production settings, in `workers` processes that share one listening socket.

Daphne is one process; Django runs each process's sync views on a single thread, so a process uses
about one core. Several daphne processes accept on one socket (opened here and handed to each with
`--fd`), and the kernel spreads the connections. `-v 0`: no access log, as behind a proxy that logs.
"""

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from .config import PYTHON, VAR
from .proc import peak_rss_mb
from .services import log


class Server:
    def __init__(self, env, port, workers, name):
        self.env = env
        self.port = port
        self.workers = workers
        self.name = name
        self.processes = []
        self.socket = None
        self.log_path = VAR / f"server-{name}.log"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def pids(self):
        return [process.pid for process in self.processes]

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", self.port))
        self.socket.listen(1024)
        fd = self.socket.fileno()
        self.socket.set_inheritable(True)
        daphne = str(Path(PYTHON).parent / "daphne")  # the venv's, wherever it lives
        with open(self.log_path, "w", encoding="utf-8") as output:
            for _ in range(self.workers):
                self.processes.append(
                    subprocess.Popen(  # noqa: S603 - fixed command
                        [daphne, "--fd", str(fd), "-v", "0", "ideabank.asgi:application"],
                        env=self.env,
                        pass_fds=[fd],
                        stdout=output,
                        stderr=subprocess.STDOUT,
                        cwd=VAR.parent.parent,
                    )
                )
        self.wait_until_ready()
        log(f"server {self.name}: {self.workers} daphne processes on {self.base_url} (pids {self.pids})")

    def wait_until_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        url = f"{self.base_url}/_floor/"  # always http://127.0.0.1
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in self.processes):
                raise SystemExit(f"daphne exited; see {self.log_path}:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        # Every process imports the whole site before it accepts; give the later ones time.
                        time.sleep(3)
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise SystemExit(f"The bench server did not answer within {timeout} s; see {self.log_path}")

    def peak_rss_mb(self):
        return peak_rss_mb(self.pids)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes = []
        if self.socket:
            self.socket.close()
            self.socket = None
