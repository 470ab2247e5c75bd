#!/usr/bin/env python3
"""A worker in front of the real one, for the server's fault tests: it reads the framed files and,
on the first file whose name holds "crash" or "hang" and that no earlier run has already failed,
announces it as the real worker would and then dies by SIGSEGV or sleeps. Otherwise it hands the
same bytes to the real worker, two seconds late if a name holds "slow" (a worker kept busy).
Usage: faulty-worker.py NIANBAO serve-worker ARGS..."""
import json, os, signal, subprocess, sys, time

framed = sys.stdin.buffer.read()
at, index = 0, 0
while at < len(framed):
    end = framed.index(b"\n", at)
    header = json.loads(framed[at:end])
    at = end + 1 + header["size"]
    already_failed = "crashed" in header or "timedOut" in header
    if not already_failed and ("crash" in header["name"] or "hang" in header["name"]):
        sys.stderr.write(f"nianbao-starting {index}\n")
        sys.stderr.flush()
        if "crash" in header["name"]:
            os.kill(os.getpid(), signal.SIGSEGV)
        time.sleep(600)
    if "slow" in header["name"]:
        time.sleep(2)
    index += 1
sys.exit(subprocess.run(sys.argv[1:], input=framed).returncode)
