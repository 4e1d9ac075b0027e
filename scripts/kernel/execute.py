"""Execute one notebook headless with nbclient and write the executed copy.

Usage: python3 execute.py <in.ipynb> <out.ipynb> [--timeout SECONDS] [--kernel NAME]

The kernel runs in the notebook's own folder, so relative paths such as
`../images/med_phi_img` work as they do in Jupyter. The executed copy is written
even when a cell fails, to show where. Prints one JSON line: {"ok": true} or
{"ok": false, "cell": <index>, "source": ..., "error": ...}. Exit code 0 or 1.
"""
import argparse
import json
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("target")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--kernel", default=None)
    args = ap.parse_args()

    nb = nbformat.read(args.source, as_version=4)
    kwargs = {"timeout": args.timeout, "startup_timeout": 120,
              "resources": {"metadata": {"path": os.path.dirname(os.path.abspath(args.source))}}}
    if args.kernel:
        kwargs["kernel_name"] = args.kernel
    client = NotebookClient(nb, **kwargs)
    result = {"ok": True}
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        # The failing cell is the last one that was given an execution count.
        ran = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count") is not None]
        failed = ran[-1] if ran else None
        cell = nb.cells[failed] if failed is not None else None
        text = []
        if cell is not None:
            for o in cell.get("outputs", []):
                if o.get("output_type") == "stream" and o.get("name") == "stderr":
                    text.append(o.get("text", ""))
                elif o.get("output_type") == "error":
                    text.append(f"{o.get('ename')}: {o.get('evalue')}")
        result = {"ok": False, "cell": failed, "source": cell.source if cell is not None else None,
                  "error": "".join(text).strip() or str(e).strip()[-2000:], "kind": type(e).__name__}
    finally:
        os.makedirs(os.path.dirname(os.path.abspath(args.target)), exist_ok=True)
        tmp = args.target + ".tmp"
        nbformat.write(nb, tmp)
        os.replace(tmp, args.target)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
