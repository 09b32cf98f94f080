#!/usr/bin/env bash
# Regenerates the golden fixtures in test/fixtures/ from real PyTorch.
# Needs Debian's python3-torch and python3-torchvision (apt-get install python3-torch python3-torchvision);
# uses /usr/bin/python3 because the python3 first on PATH may not see Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
"$PY" -c 'import torch, torchvision' 2>/dev/null || {
  echo "make-fixtures: $PY cannot import torch/torchvision; run: apt-get install -y python3-torch python3-torchvision" >&2
  exit 1
}
for f in scripts/fixtures/*.py; do
  case "$(basename "$f")" in common.py | snippets.py) continue ;; esac
  echo "== $f"
  "$PY" "$f"
done
# Last: the snippet runs take their inputs from the golden fixtures written above
# (the work list comes from scripts/snippet-worklist.ts through npx tsx).
echo "== scripts/fixtures/snippets.py"
"$PY" scripts/fixtures/snippets.py
