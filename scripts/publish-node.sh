#!/usr/bin/env bash
# Compiles kubesharp-node (src/KubeSharp.Node: the node roles as one Native AOT binary) into OUT (default
# .build/node) when any source changed since the last publish, and prints the binary's path.
# Needs clang and zlib (ILC links with them): scripts/ensure-host.sh aot installs them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/.build/node}"
bin="$out/kubesharp-node"

"$root/scripts/ensure-host.sh" aot >&2

stale=1
if [[ -x "$bin" && -z "$("$root/scripts/sources-newer-than.sh" "$bin")" ]]; then stale=0; fi
if [[ $stale -eq 1 ]]; then
  echo "kubesharp-node: compiling ahead of time (Release, linux-x64; a few minutes)..." >&2
  # The .dbg symbols file (50 MB) is only useful to a debugger: not kept next to the binary.
  dotnet publish "$root/src/KubeSharp.Node/KubeSharp.Node.csproj" -c Release -r linux-x64 -o "$out" \
    -p:StripSymbols=true -nologo -v quiet -clp:ErrorsOnly >&2
  rm -f "$out"/*.dbg "$out"/*.pdb
  touch "$bin"
fi
echo "$bin"
