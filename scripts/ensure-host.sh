#!/usr/bin/env bash
# Installs the host packages KubeSharp needs when they are missing (as root, 'apt-get update' once first).
# Usage: ensure-host.sh runtime|test
set -euo pipefail
mode="${1:-runtime}"

# command -> Debian package. The runtime set grows as components land (containerd, runc, CNI, iptables...).
declare -A runtime=( [ip]=iproute2 [ps]=procps )
declare -A test=( )

declare -A wanted=()
for c in "${!runtime[@]}"; do wanted[$c]="${runtime[$c]}"; done
if [[ "$mode" == "test" ]]; then for c in "${!test[@]}"; do wanted[$c]="${test[$c]}"; done; fi

missing=()
for c in "${!wanted[@]}"; do command -v "$c" >/dev/null 2>&1 || missing+=("${wanted[$c]}"); done

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK first" >&2
  exit 1
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing packages: ${missing[*]} (run as root so they can be installed)" >&2
    exit 1
  fi
  echo "installing missing packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
if [[ "$mode" == "test" ]] && ! command -v kubectl >/dev/null 2>&1; then
  echo "error: kubectl is required by the tests (the integration suite drives the real kubectl 1.32)" >&2
  exit 1
fi
