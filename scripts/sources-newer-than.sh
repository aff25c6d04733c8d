#!/usr/bin/env bash
# Prints the first source file (C#, project, props, proto, JSON under src/ and the repository's build props) newer
# than FILE, or nothing when FILE is up to date. ./kubesharp and scripts/publish-node.sh rebuild when it prints one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
find "$root/src" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
  \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.proto' -o -name '*.json' \) \
  -not -path '*/bin/*' -not -path '*/obj/*' -newer "$1" -print -quit
