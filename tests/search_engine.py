"""A real search engine for the tests: OpenSearch nodes on 127.0.0.1, started and stopped by
``deploy/search-engine/run`` (the jars from Maven Central, cached between runs), each run in a
folder and on ports of its own."""

import os
import random
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "deploy" / "search-engine" / "run"
TRANSPORT_OFFSET = 100  # node N talks to the others on its HTTP port + 100 (deploy/search-engine/run)


def _free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_base_port(nodes):
    """A first HTTP port with the nodes' HTTP and transport ports all free on 127.0.0.1."""
    for _ in range(200):
        base = random.randrange(20000, 40000)  # noqa: S311 (a port, not a secret)
        ports = [base + n for n in range(nodes)] + [base + TRANSPORT_OFFSET + n for n in range(nodes)]
        if all(_free(port) for port in ports):
            return base
    raise RuntimeError("no free ports for the search engine")


class SearchEngine:
    """``nodes`` OpenSearch nodes forming one cluster, with their data under ``home``."""

    def __init__(self, home, nodes=1, heap="384m"):
        self.home = Path(home)
        self.nodes = nodes
        self.port = free_base_port(nodes)
        self.env = {
            **os.environ,
            "SEARCH_ENGINE_HOME": str(self.home),
            "SEARCH_ENGINE_PORT": str(self.port),
            "SEARCH_ENGINE_HEAP": heap,
        }

    @property
    def urls(self):
        return [f"http://127.0.0.1:{self.port + n}" for n in range(self.nodes)]

    def start(self):
        """Start every node that does not answer (all at first, a stopped one later) and wait for them."""
        started = time.monotonic()
        subprocess.run([RUN, "start", str(self.nodes)], env=self.env, check=True, capture_output=True, timeout=600)  # noqa: S603
        return time.monotonic() - started

    def stop(self):
        subprocess.run([RUN, "stop"], env=self.env, check=False, capture_output=True, timeout=120)  # noqa: S603

    def pid(self, node):
        return int((self.home / f"node-{node}" / "pid").read_text())

    def kill(self, node):
        """Stop node ``node`` (1-based) at once, as a crashed host would: no goodbye to the others."""
        pid = self.pid(node)
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        (self.home / f"node-{node}" / "pid").unlink()
