#!/usr/bin/env bash
# Runs veille's whole test suite: formatting, vet, then every test.
# Tests that need ../shared (the benchmark data) skip when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*'))
if [ -n "$unformatted" ]; then
	echo "gofmt: these files need formatting:" >&2
	echo "$unformatted" >&2
	exit 1
fi
go vet ./...
go test -count=1 -timeout 25m "$@" ./...
