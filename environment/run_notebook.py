"""Executes a notebook headless with nbclient and writes the executed .ipynb and an .html export.

Called by environment/run.sh (./robusta run) with Debian's /usr/bin/python3. The executed copy is
written even when a cell fails, so the error can be read; the exit status is then 1.
"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from jupyter_client.kernelspec import NoSuchKernel
from nbconvert import HTMLExporter


def main():
    p = argparse.ArgumentParser(prog="./robusta run")
    p.add_argument("notebook")
    p.add_argument("--out", required=True)
    p.add_argument("--timeout", type=int, default=600)
    p.add_argument("--startup-timeout", type=int, default=60)
    p.add_argument("--kernel", default=None)
    a = p.parse_args()

    try:
        nb = nbformat.read(a.notebook, as_version=4)
    except Exception as e:  # not JSON, not a notebook
        print("robusta run: %s is not a readable notebook: %s" % (a.notebook, e), file=sys.stderr)
        print("  hint: give an .ipynb file (nbformat 4)", file=sys.stderr)
        return 2
    kernel = a.kernel or nb.metadata.get("kernelspec", {}).get("name") or "robusta"
    name = os.path.splitext(os.path.basename(a.notebook))[0]
    os.makedirs(a.out, exist_ok=True)
    out_nb = os.path.join(a.out, name + ".ipynb")
    out_html = os.path.join(a.out, name + ".html")
    workdir = os.path.dirname(os.path.abspath(a.notebook))

    client = NotebookClient(nb, timeout=a.timeout, startup_timeout=a.startup_timeout,
                            kernel_name=kernel, resources={"metadata": {"path": workdir}})
    status, failure = 0, None
    try:
        client.execute()
    except CellExecutionError as e:
        status = 1
        failure = first_error(nb) or str(e).strip().splitlines()[-1]
    except DeadKernelError as e:
        status, failure = 1, "the kernel died: %s" % e
    except TimeoutError as e:
        status, failure = 1, "timed out: %s (raise it with --timeout SECONDS)" % e
    except NoSuchKernel as e:
        status, failure = 1, ("no Jupyter kernel named '%s' (Robusta notebooks use 'robusta'; pass"
                              " --kernel NAME or fix metadata.kernelspec.name)" % e.args[0])
    except RuntimeError as e:  # e.g. "Kernel didn't respond in 60 seconds"
        status, failure = 1, str(e)
    finally:
        nbformat.write(nb, out_nb)
        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(out_html, "w", encoding="utf-8") as f:
            f.write(body)

    print("robusta run: wrote %s and %s" % (out_nb, out_html), file=sys.stderr)
    if failure:
        print("robusta run: %s failed: %s" % (a.notebook, failure), file=sys.stderr)
        print("  hint: the executed copy (outputs so far, with the error) is %s" % out_nb, file=sys.stderr)
    return status


def first_error(nb):
    for i, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                return "cell %d: %s: %s" % (i + 1, o.get("ename"), o.get("evalue"))
    return None


if __name__ == "__main__":
    sys.exit(main())
