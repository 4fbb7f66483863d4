#!/usr/bin/env python3
"""Align a JSONL corpus with mizan on a Dask distributed cluster.

Each input line is {"id": ..., "source": "full text", "target": "full text"}. The lines are cut
into partitions of --partition-size records; each partition is one Dask task that pipes its lines
through `mizan batch --stdin` (one process per task, so the lexicon loads once per partition) and
returns mizan's answer lines: {"id": ..., "beads": [...]} or {"id": ..., "error": "..."}. The
output file has one answer per input record, in input order.

Failure handling, and why records are neither lost nor duplicated:
  - a record mizan cannot align is answered with its error line and the job goes on (mizan exits
    1 then, which is not a task failure);
  - a task whose mizan crashes or whose answer does not have one line per record, in order, with
    the records' ids, raises, and Dask retries it (--retries);
  - a worker that dies mid-task (killed, out of memory) loses the task, and the scheduler runs it
    again on another worker (distributed.scheduler.allowed-failures, 3 by default).
  A task's answer reaches the driver only once it is complete, as the task's result, and the
  driver writes results by partition number: a partition that ran twice is still written once.

Usage (Debian: apt-get install python3-distributed; mizan on the PATH of every worker, or --mizan):
  python3 scripts/dask-align.py CORPUS.jsonl OUT.jsonl --local 2          # a LocalCluster here
  python3 scripts/dask-align.py CORPUS.jsonl OUT.jsonl --scheduler tcp://10.0.0.5:8786
  ... [--partition-size 50] [--retries 2] [--mizan "mizan"] [-- --presplit --aligner NAME]
Arguments after `--` are passed to `mizan batch --stdin`. Exit status: 0 when every record
aligned, 1 when some records are error lines, 2 when the job itself failed.
"""
import argparse
import json
import shlex
import subprocess
import sys
import time


def align_partition(lines, command):
    """Runs mizan on one partition's lines; returns its answer lines (raises to have Dask retry)."""
    # Imported here too: the function runs in the worker processes.
    import json as _json
    import subprocess as _subprocess

    data = "".join(line + "\n" for line in lines).encode("utf-8")
    done = _subprocess.run(command, input=data, stdout=_subprocess.PIPE, stderr=_subprocess.PIPE)
    if done.returncode not in (0, 1):
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise RuntimeError(f"mizan exited with {done.returncode}: {tail[0][:200]}")
    answers = done.stdout.decode("utf-8").splitlines()
    if len(answers) != len(lines):
        raise RuntimeError(f"mizan answered {len(answers)} lines for {len(lines)} records")
    for line, answer in zip(lines, answers):
        try:
            wanted = _json.loads(line).get("id")
        except (ValueError, AttributeError):
            wanted = None  # a line that is not a JSON object: mizan answers it with id null
        got = _json.loads(answer)
        # A record refused while it was read may be answered without its id (it came after the text).
        if got.get("id") != wanted and not (got.get("id") is None and "error" in got):
            raise RuntimeError("mizan's answers are out of step with the records")
    return answers


def partitions(path, size):
    """The corpus' non-blank lines (mizan skips blank ones without an answer), `size` to a partition."""
    batch = []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            line = line.rstrip("\r\n")
            if line.strip() == "":
                continue
            batch.append(line)
            if len(batch) == size:
                yield batch
                batch = []
    if batch:
        yield batch


def main(argv):
    mizan_args = []
    if "--" in argv:
        cut = argv.index("--")
        argv, mizan_args = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://127.0.0.1:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N single-threaded worker processes")
    parser.add_argument("--partition-size", type=int, default=50, help="records per task (default 50)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a task that raises (default 2)")
    parser.add_argument("--mizan", default="mizan", help='how to run mizan on the workers (default "mizan")')
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster, as_completed

    command = shlex.split(args.mizan) + ["batch", "--stdin"] + mizan_args
    cluster = None
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(cluster or args.scheduler)
    started = time.monotonic()
    run = f"{time.time_ns():x}"
    try:
        futures = {}
        records = 0
        for k, lines in enumerate(partitions(args.corpus, args.partition_size)):
            records += len(lines)
            futures[client.submit(align_partition, lines, command, retries=args.retries, pure=False, key=f"mizan-{run}-partition-{k}")] = k
        results = {}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
        failed = 0
        with open(args.output, "w", encoding="utf-8") as out:
            for k in range(len(futures)):
                for answer in results[k]:
                    failed += '"error"' in answer and "error" in json.loads(answer)
                    out.write(answer + "\n")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.monotonic() - started
    print(f"dask-align: {records} records in {len(futures)} partitions, {failed} error line(s), {seconds:.2f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one line, as mizan itself reports
        print(f"dask-align: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(2)
