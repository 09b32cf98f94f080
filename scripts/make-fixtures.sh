#!/usr/bin/env bash
# Regenerates the golden fixtures in test/fixtures/ from real PyTorch.
# Needs Debian's python3-torch, python3-torchvision and python3-scipy (the snippet runs use scipy);
# uses /usr/bin/python3 because the python3 first on PATH may not see Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
"$PY" -c 'import torch, torchvision, scipy' 2>/dev/null || {
  echo "make-fixtures: $PY cannot import torch/torchvision/scipy; run: apt-get install -y python3-torch python3-torchvision python3-scipy" >&2
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
