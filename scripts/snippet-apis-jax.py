"""Lists the public names of the JAX modules the catalog's JAX snippets use, read from JAX's source.

Usage: python3 scripts/snippet-apis-jax.py <bare git dir of jax-ml/jax> > test/fixtures/snippet-apis/jax.json

A name is public when the module's file re-exports it as `name as name` (JAX's rule for exports,
see jax/numpy/__init__.py), defines it at top level (def, class or assignment), or names it
as a submodule (`from jax.numpy import linalg as linalg`). Reads the files at the mirror's HEAD
with `git show`; records the commit and its `git describe`. test/unit/losses/snippet-apis.test.ts
checks every jax.* and jnp.* name in the JAX snippets against this list.
"""
import json
import re
import subprocess
import sys

MODULES = {
    'jax.numpy': 'jax/numpy/__init__.py',
    'jax.numpy.linalg': 'jax/numpy/linalg.py',
    'jax.nn': 'jax/nn/__init__.py',
    'jax.lax': 'jax/lax/__init__.py',
    'jax.random': 'jax/random.py',
}


def git(gitdir, *args):
    return subprocess.run(['git', '--git-dir', gitdir, *args], check=True, capture_output=True, text=True).stdout


def public_names(source):
    names = set()
    for a, b in re.findall(r'\b([A-Za-z_]\w*)\s+as\s+([A-Za-z_]\w*)', source):
        if a == b and not a.startswith('_'):
            names.add(a)
    for n in re.findall(r'^(?:def|class)\s+([A-Za-z]\w*)', source, re.M):
        names.add(n)
    for n in re.findall(r'^([A-Za-z]\w*)\s*(?::[^=\n]*)?=', source, re.M):
        names.add(n)
    return names


def main():
    gitdir = sys.argv[1]
    commit = git(gitdir, 'rev-parse', 'HEAD').strip()
    version = git(gitdir, 'describe', '--tags', 'HEAD').strip()
    symbols = []
    for module, path in MODULES.items():
        for name in sorted(public_names(git(gitdir, 'show', f'HEAD:{path}'))):
            symbols.append(f'{module}.{name}')
    out = {
        'library': 'jax',
        'version': version,
        'commit': commit,
        'source': 'jax-ml/jax ' + ', '.join(MODULES.values()),
        'howExtracted': 'scripts/snippet-apis-jax.py: names each file re-exports as `name as name` or defines at top level',
        'symbols': symbols,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
