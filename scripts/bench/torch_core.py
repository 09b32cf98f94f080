"""PyTorch side of `npm run bench:core`: times torch.nn.functional on the very inputs the
TypeScript side used (raw float64 files written by scripts/bench/core.ts), on one CPU thread.

stdin:  {"repeats": R, "cases": [{"key", "fn", "inputs": [{"name", "file", "shape", "long"}]}]}
stdout: {"torch": version, "threads": 1, "results": {key: {"fwd_ns", "fwdbwd_ns", "value"}}}
Run with Debian's /usr/bin/python3 (python3-torch). Times are medians of R runs after warm-up.
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def load(spec):
    with open(spec['file'], 'rb') as f:
        data = torch.frombuffer(bytearray(f.read()), dtype=torch.float64).reshape(spec['shape'])
    return data.long() if spec.get('long') else data.clone()


def median_ns(fn, repeats):
    for _ in range(2):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
    times.sort()
    return times[len(times) // 2]


def main():
    req = json.load(sys.stdin)
    out = {}
    for case in req['cases']:
        fn = getattr(F, case['fn'])
        tensors = [load(s) for s in case['inputs']]
        pred = tensors[0]

        def forward():
            return fn(*tensors)

        def forward_backward():
            x = pred.detach().requires_grad_()
            loss = fn(x, *tensors[1:])
            loss.backward()
            return x.grad

        out[case['key']] = {
            'fwd_ns': median_ns(forward, req['repeats']),
            'fwdbwd_ns': median_ns(forward_backward, req['repeats']),
            'value': float(forward()),
        }
    json.dump({'torch': torch.__version__, 'threads': torch.get_num_threads(), 'results': out}, sys.stdout)


main()
