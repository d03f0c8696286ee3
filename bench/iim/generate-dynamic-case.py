#!/usr/bin/env python3
"""Writes a synthetic dynamic IIM case for the speed target of issue 20 (item 7): N sectors, each depending on D others
(sparse A*, row sums below 0.6 so the matrix is stable), resilience k per sector, 5 demand shocks with windows, T time
steps. Deterministic: the same arguments give the same files.

Usage: generate-dynamic-case.py OUT_DIR [--sectors 1000] [--dependencies 10] [--steps 1000] [--seed 1]
Writes OUT_DIR/case.json, OUT_DIR/amat.csv (sparse i,j,value) and OUT_DIR/kmat.csv.
"""
import argparse
import json
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--sectors", type=int, default=1000)
    parser.add_argument("--dependencies", type=int, default=10)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n, d = args.sectors, args.dependencies
    os.makedirs(args.out, exist_ok=True)
    names = [f"S{i:04d}" for i in range(n)]
    with open(os.path.join(args.out, "amat.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            suppliers = rng.sample([j for j in range(n) if j != i], d)
            weights = [rng.random() for _ in suppliers]
            row_sum = rng.uniform(0.2, 0.6)
            total = sum(weights)
            for j, w in sorted(zip(suppliers, weights)):
                f.write(f"{i},{j},{w / total * row_sum:.6f}\n")
    with open(os.path.join(args.out, "kmat.csv"), "w", encoding="utf-8", newline="\n") as f:
        for name in names:
            f.write(f"{name},{rng.uniform(0.05, 0.5):.4f}\n")
    shocked = rng.sample(range(n), 5)
    case = {
        "DIIM": {
            "amatrix_type": "sparse_interdependency",
            "calc_mode": "demand",
            "amat_file": "amat.csv",
            "kmat_file": "kmat.csv",
            "time_steps": args.steps,
        },
        "Perturbation": {
            "pinfra": [names[i] for i in shocked],
            "cvalue": [round(rng.uniform(0.05, 0.3), 3) for _ in shocked],
            "ptime": [[s, s + rng.randint(10, 100)] for s in (rng.randint(0, args.steps // 4) for _ in shocked)],
        },
    }
    with open(os.path.join(args.out, "case.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(case, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
