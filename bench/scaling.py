#!/usr/bin/env python3
"""Time and peak memory of `cpoms-check check` from 1 KB to the CLI's input limit (issue 13).

Runs the release binary (build it first: cargo build --release) on generated inputs of
growing size, each in a fresh process, and prints seconds, peak resident memory, memory per
input byte above the empty-input baseline, and time per KB. The inputs are written here, not
taken from any corpus:
  prose       ordinary entries (times, places, names, quotations, a few flagged phrases)
  flagged     every sentence has findings: the densest verdict per byte
  report      `prose` through `--format text` (the terminal report)
  pupils      an entry whose pupil list is most of its bytes, each name twice (de-duplication)
  misspelt    distinct misspelt words: each asks the dictionary for a suggestion, the
              slowest path per byte, so measured only up to MISSPELT_MAX
Needs GNU time (/usr/bin/time; Debian: apt-get install time).
Usage: bench/scaling.py [--max BYTES] [--bin PATH]
"""

import json
import random
import subprocess
import sys
import time

LIMIT = 10_000_000  # src/bin/cpoms-check/limits.rs CHECK_BYTES
MISSPELT_MAX = 100_000

SENTENCES = [
    "At 12.35 on the top playground, Jaden told me that Kian had pushed him off the bench.",
    "I spoke to KPatel (class teacher) and we checked the bench area together.",
    "Ruby came to the office at 09:10 and said “my tummy hurts and I did not have breakfast”.",
    "Mum was phoned at 15:40 by GBrown; she said Ruby had been up late.",
    "The DSL, MOkafor, was informed at 15:50 and will review on Friday.",
    "In Science, Theo put his head on the desk and did not answer when asked.",
    "He was really upset and kicking off in the corridor.",
    "Body map attached; a bruise of about 3 cm on the left forearm.",
]
FLAGGED = [
    "He was kicking off again!! ",
    "She was very angry and hysterical. ",
    "I think he is lying, obviously. ",
    "Mum is a nightmare, tbh. ",
]


def prose(n):
    rnd = random.Random(1)
    out, size = [], 0
    while size < n:
        s = rnd.choice(SENTENCES) + (" " if rnd.random() < 0.8 else "\n\n")
        out.append(s)
        size += len(s.encode())
    return "".join(out).encode()[:n].decode("utf-8", "ignore")


def flagged(n):
    rnd = random.Random(2)
    s = "".join(rnd.choice(FLAGGED) for _ in range(n // 20 + 1))
    return s[:n]


def misspelt(n):
    rnd = random.Random(3)
    words, size = [], 0
    while size < n:
        w = "".join(rnd.choice("bcdfghjklmnpqrstvwxz") + rnd.choice("aeiou") for _ in range(4))
        words.append(w)
        size += len(w) + 1
    return " ".join(words)[:n]


def pupils(n):
    # "Pupil0000001 Surname", quoted, with a comma: 24 bytes; every name twice, so the
    # de-duplication has work to do.
    names = [f"Pupil{i:07d} Surname" for i in range(max(1, (n - 60) // 48))]
    entry = {"text": "Pupil0000001 was upset at break.", "pupils": names + names}
    return json.dumps(entry, separators=(",", ":"))


def run(binary, data, fmt):
    """Seconds and peak RSS (bytes) of one check, in its own process, as GNU time reports
    them (a child of Python would count Python's own memory in its peak: see wait4(2))."""
    start = time.perf_counter()
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", binary, "check", "-", "--now", "2024-03-04T11:00",
         "--format", fmt],
        input=data.encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    err = p.stderr.decode(errors="replace").strip().splitlines()
    if p.returncode != 0:
        sys.exit(f"{binary} exited {p.returncode}: {err}")
    secs = time.perf_counter() - start
    return secs, int(err[-1].split()[1]) * 1024


def main():
    args = sys.argv[1:]
    top = int(args[args.index("--max") + 1]) if "--max" in args else LIMIT - 1000
    binary = args[args.index("--bin") + 1] if "--bin" in args else "target/release/cpoms-check"
    sizes = [s for s in (1_000, 10_000, 100_000, 1_000_000, 3_000_000) if s < top] + [top]
    # The word lists and the dictionary load on the first check of any text.
    _, base_rss = run(binary, "Derek was upset.", "json")
    print(f"baseline (a one-line entry): {base_rss / 1e6:.1f} MB resident")
    print("B/B: peak resident bytes above that baseline per input byte")
    print(f"{'input':<9} {'bytes':>10} {'seconds':>8} {'peak MB':>8} {'B/B':>6} {'ms/KB':>7}")
    kinds = [
        ("prose", prose, "json", top),
        ("flagged", flagged, "json", top),
        ("report", prose, "text", top),
        ("pupils", pupils, "json", top),
        ("misspelt", misspelt, "json", min(top, MISSPELT_MAX)),
    ]
    verdicts = []
    for name, make, fmt, cap in kinds:
        per_kb = []
        for size in [s for s in sizes if s < cap] + [cap]:
            data = make(size)
            n = len(data.encode())
            secs, rss = run(binary, data, fmt)
            extra = max(0, rss - base_rss) / n
            per_kb.append((n, secs * 1000 / (n / 1000)))
            print(f"{name:<9} {n:>10} {secs:>8.3f} {rss / 1e6:>8.1f} {extra:>6.0f} {per_kb[-1][1]:>7.3f}")
        # Linear: time per KB at the largest size within 3x of the 100 KB figure (below
        # 100 KB, process start-up dominates).
        ref = [r for n, r in per_kb if n >= 100_000]
        linear = len(ref) < 2 or ref[-1] <= 3 * ref[0]
        verdicts.append(f"{name}: {'linear' if linear else 'NOT LINEAR'}")
    print("; ".join(verdicts))


if __name__ == "__main__":
    main()
