"""Times a Jupyter kernel's start-up the way front ends see it (jupyter_client, Debian's python).

Usage: kernel_startup.py KERNEL_NAME RUNS CODE
For each run: ready_s = from start_kernel() to the kernel_info reply (wait_for_ready),
first_s = the first execute_request of CODE to its reply, cpu_s = CPU seconds the kernel process used
until ready (independent of other load on the machine), then a clean shutdown.
Prints one line per run: `RUN i ready_s first_s cpu_s`.
"""
import os
import sys
import time

from jupyter_client.manager import KernelManager


def cpu_seconds(km):
    """CPU time (user + system, all threads) the kernel process has used so far, from /proc."""
    pid = km.provisioner.process.pid
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one(name, code):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        ready = time.perf_counter() - t0
        cpu = cpu_seconds(km)
        t1 = time.perf_counter()
        reply = kc.execute(code, reply=True, timeout=120)
        first = time.perf_counter() - t1
        if reply["content"]["status"] != "ok":
            raise RuntimeError("first cell failed: %s" % reply["content"])
        return ready, first, cpu
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def main():
    name, runs, code = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for i in range(runs):
        ready, first, cpu = one(name, code)
        print("RUN %d %.3f %.3f %.3f" % (i + 1, ready, first, cpu), flush=True)


if __name__ == "__main__":
    main()
