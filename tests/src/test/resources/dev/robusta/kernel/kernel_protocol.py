"""Drives the Robusta kernel over the Jupyter protocol (jupyter_client) and prints one line per check.

Run by KernelProtocolTest with Debian's /usr/bin/python3 and JUPYTER_PATH pointing at the
kernelspec. Each line is `CHECK name value`; the Java test asserts on them. Exits 1 on a protocol
failure (timeout, dead kernel).
"""
import sys
import time

from jupyter_client.manager import KernelManager


def run(kc, code, timeout=60):
    """Executes code; returns (reply content, list of iopub messages of that request)."""
    msg_id = kc.execute(code)
    outputs = []
    deadline = time.time() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        outputs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=max(1, deadline - time.time()))
    return reply["content"], outputs


def result_text(outputs):
    for m in outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def main():
    km = KernelManager(kernel_name="robusta")
    t0 = time.time()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        print("CHECK ready_s %.2f" % (time.time() - t0))
        info = kc.kernel_info(reply=True, timeout=30)["content"]
        print("CHECK language %s" % info["language_info"]["name"])

        reply, _ = run(kc, "int x = 41;")
        print("CHECK declare %s" % reply["status"])
        reply, out = run(kc, "x + 1")
        print("CHECK state %s" % result_text(out))

        msg_id = kc.execute("long spins = 0; while (true) { spins++; }")
        time.sleep(2)
        t = time.time()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=30)
        print("CHECK interrupt_status %s" % reply["content"]["status"])
        print("CHECK interrupt_ename %s" % reply["content"].get("ename"))
        print("CHECK interrupt_s %.2f" % (time.time() - t))
        reply, out = run(kc, "x")
        print("CHECK after_interrupt %s" % result_text(out))

        reply, out = run(kc, 'throw new IllegalStateException("boom");')
        print("CHECK throw_status %s" % reply["status"])
        print("CHECK throw_evalue %s" % reply.get("evalue"))

        reply, out = run(kc, "int a = 1;\nString s = a;")
        print("CHECK compile_status %s" % reply["status"])
        print("CHECK compile_ename %s" % reply.get("ename"))
        errors = [m["content"] for m in out if m["msg_type"] == "error"]
        print("CHECK compile_traceback %s" % (errors[0]["traceback"][0] if errors else None))

        comp = kc.complete("Syst", 4, reply=True, timeout=30)["content"]
        print("CHECK complete %s" % ("System" in comp["matches"]))

        t = time.time()
        km.shutdown_kernel(now=False)
        print("CHECK shutdown_alive %s" % km.is_alive())
        print("CHECK shutdown_s %.2f" % (time.time() - t))
    finally:
        kc.stop_channels()
        if km.has_kernel and km.is_alive():
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
