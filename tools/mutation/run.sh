#!/usr/bin/env bash
# Mutation testing with Stryker (issue 12), one area at a time; not in CI (slow: every
# mutant reruns the area's specs under Bun). From the repository root:
#
#   tools/mutation/run.sh oracle        # the oracle toolkit against spec/oracle and replay
#   tools/mutation/run.sh kernels-activation   # σ, softmax, tanh against spec/lib/activation
#   tools/mutation/run.sh kernels-linalg       # least squares, Cholesky, Jacobi (linalg, regression specs)
#   tools/mutation/run.sh kernels-optim        # the descent loop, GD steps, SGD
#   tools/mutation/run.sh kernels-series       # the summation kernels
#   tools/mutation/run.sh oracle --mutate oracle/claims.ts   # further arguments go to Stryker
#
# Installs Stryker into tools/mutation/node_modules on first use (npm, --no-save of the
# project: its own package.json here). Reports: out/mutation/<area>.json and the
# clear-text table on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
area="${1:?usage: tools/mutation/run.sh <oracle|kernels-activation|kernels-linalg|kernels-optim|kernels-series>}"
node tools/ensure_install.mjs # the pinned Bun in tools/runtimes, which the specs run under
if [ ! -x tools/mutation/node_modules/.bin/stryker ]; then
  (cd tools/mutation && npm install --no-audit --no-fund)
fi
mkdir -p out/mutation
shift
exec tools/mutation/node_modules/.bin/stryker run "tools/mutation/stryker.${area}.json" "$@"
