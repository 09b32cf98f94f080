"""PyTorch side of `npm run bench:core`: a small line-based server that times torch.nn.functional
on the very inputs the TypeScript side uses (raw float64 files written by bench/core.ts),
on one CPU thread, one run per request, so that the benchmark can alternate PyTorch and
TypeScript runs and both sides see the same machine load.

Requests (one JSON object per line on stdin), one JSON reply per line on stdout:
  {"cmd": "hello"}                                   -> {"torch": version, "threads": 1}
  {"cmd": "load", "key", "fn", "inputs": [{"file", "shape", "long"}]}  -> {"value": forward value}
  {"cmd": "time", "key", "mode": "fwd" | "fwdbwd"}   -> {"ns": one run's time}
Run with Debian's /usr/bin/python3 (python3-torch).
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
cases = {}


def load(spec):
    with open(spec['file'], 'rb') as f:
        data = torch.frombuffer(bytearray(f.read()), dtype=torch.float64).reshape(spec['shape'])
    return data.long() if spec.get('long') else data.clone()


def forward(case):
    return case['fn'](*case['tensors'])


def forward_backward(case):
    pred = case['tensors'][0].detach().requires_grad_()
    loss = case['fn'](pred, *case['tensors'][1:])
    loss.backward()
    return pred.grad


def handle(req):
    if req['cmd'] == 'hello':
        return {'torch': torch.__version__, 'threads': torch.get_num_threads()}
    if req['cmd'] == 'load':
        case = {'fn': getattr(F, req['fn']), 'tensors': [load(s) for s in req['inputs']]}
        cases[req['key']] = case
        return {'value': float(forward(case))}
    if req['cmd'] == 'time':
        case = cases[req['key']]
        run = forward if req['mode'] == 'fwd' else forward_backward
        t0 = time.perf_counter_ns()
        run(case)
        return {'ns': time.perf_counter_ns() - t0}
    raise ValueError(f"unknown command {req['cmd']!r}")


for line in sys.stdin:
    try:
        reply = handle(json.loads(line))
    except Exception as e:  # reported to the benchmark, which shows it in its notes
        reply = {'error': f'{type(e).__name__}: {e}'}
    sys.stdout.write(json.dumps(reply) + '\n')
    sys.stdout.flush()
