#!/usr/bin/env bash
# Installs the host packages KubeSharp needs when they are missing (as root, 'apt-get update' once first).
# Usage: ensure-host.sh runtime|test|aot  (aot: what compiling kubesharp-node ahead of time needs)
set -euo pipefail
mode="${1:-runtime}"

# command (or absolute file path) -> Debian package. The runtime set is what a node needs (docs/agent.md).
declare -A runtime=(
  [ip]=iproute2 [ps]=procps [nsenter]=util-linux [unshare]=util-linux [sysctl]=procps [modprobe]=kmod
  [containerd]=containerd [ctr]=containerd [runc]=runc
  [/usr/bin/catatonit]=catatonit [/bin/busybox]=busybox-static
  [/usr/lib/cni/bridge]=containernetworking-plugins [/usr/lib/cni/host-local]=containernetworking-plugins
  [/usr/lib/cni/portmap]=containernetworking-plugins [/usr/lib/cni/loopback]=containernetworking-plugins
  [iptables]=iptables [iptables-restore]=iptables [nft]=nftables [conntrack]=conntrack
)
declare -A test=( )
# ILC links the native binary with clang and zlib; Debian's clang-N packages provide only clang-N, which ILC also
# finds, so any clang on PATH will do (checked below).
declare -A aot=( [/usr/include/zlib.h]=zlib1g-dev )

# A wanted item is present when it is an existing file (absolute path) or a command on PATH (root's sbin dirs
# included: a non-login shell may not have them on PATH).
present() {
  if [[ "$1" == /* ]]; then [[ -e "$1" ]]; return; fi
  PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" command -v "$1" >/dev/null 2>&1
}

declare -A wanted=()
for c in "${!runtime[@]}"; do wanted[$c]="${runtime[$c]}"; done
if [[ "$mode" == "test" ]]; then for c in "${!test[@]}"; do wanted[$c]="${test[$c]}"; done; fi
if [[ "$mode" == "test" || "$mode" == "aot" ]]; then
  for c in "${!aot[@]}"; do wanted[$c]="${aot[$c]}"; done
  compgen -c clang | grep -qE '^clang(-[0-9]+)?$' || wanted[clang]=clang
fi

missing=()
for c in "${!wanted[@]}"; do present "$c" || missing+=("${wanted[$c]}"); done
# One package can provide several wanted items: install each once.
if [[ ${#missing[@]} -gt 0 ]]; then mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u); fi

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
