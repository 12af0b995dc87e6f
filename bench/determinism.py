#!/usr/bin/env python3
"""Runs `cpoms-check check` N times on each of several inputs, in fresh processes, and
reports whether every run gave the same bytes (issue 13: deterministic output).

Inputs are generated here: ordinary prose, misspellings with several equally close
corrections (where a ranking without a stable order would differ between runs), a long entry
with a pupil list, and random mixes of words and punctuation. Both output formats.
Usage: bench/determinism.py [--runs N] [--bin PATH]
"""

import hashlib
import json
import random
import subprocess
import sys

WORDS = (
    "Derek said “I hate it” to JBloggs at 12.40 because mum phoned . really very angry , "
    "recieved the body map attached Summer will uldn't wouldnt becuase freind teh "
    "kicking off I think obviously Łukasz 😀 tmrw w/ Ellie-Mae AJones-Smith SENCo !! ? ; : ( )"
).split()


def inputs():
    rnd = random.Random(13)
    yield "prose", "At 12.35 on the field, Jaden told me “Kian pushed me”. I informed the DSL at 12.50."
    yield "misspellings", "He uldn't say. She wouldnt go. teh freind was there becuase of it. Tbh it was mad."
    names = [f"Pupil{i} Surname{i}" for i in range(5000)]
    yield "pupil list", json.dumps({"text": "Pupil17 and Pupil4999 were fighting. " * 50, "pupils": names})
    for k in range(5):
        yield f"random mix {k + 1}", " ".join(rnd.choice(WORDS) for _ in range(400))


def main():
    args = sys.argv[1:]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 50
    binary = args[args.index("--bin") + 1] if "--bin" in args else "target/release/cpoms-check"
    total, differing = 0, []
    cases = list(inputs())
    for name, data in cases:
        for fmt in ("json", "text"):
            seen = set()
            for _ in range(runs):
                out = subprocess.run(
                    [binary, "check", "-", "--now", "2024-03-04T11:00", "--format", fmt],
                    input=data.encode(),
                    capture_output=True,
                    check=True,
                ).stdout
                seen.add(hashlib.sha256(out).hexdigest())
                total += 1
            if len(seen) != 1:
                differing.append(f"{name} ({fmt}): {len(seen)} different outputs")
    print(f"determinism: {total} runs ({len(cases)} inputs x 2 formats x {runs} runs each)")
    if differing:
        print("NOT deterministic: " + "; ".join(differing))
        sys.exit(1)
    print("every input gave the same bytes on every run")


if __name__ == "__main__":
    main()
