#!/bin/bash
# Records every fixture of KubectlCaptures.*.cs: body (OUT/<name>.bin) and Go's JSON of the same object
# (OUT/<name>.json, from --dry-run=client -o json where the command has it). Needs kubectl 1.32 and python3.
# The base64/JSON literals in KubectlCaptures.*.cs were pasted from these files (creationTimestamp: null removed).
set -euo pipefail
OUT=${1:-/tmp/kubesharp-captures}
PORT=${PORT:-28931}
mkdir -p "$OUT"
python3 "$(dirname "$0")/capture.py" "$OUT" "$PORT" & server=$!
trap 'kill $server' EXIT
sleep 1
k() { "${KUBECTL:-kubectl}" -s "http://127.0.0.1:$PORT" --cache-dir "$OUT/cache" "$@"; }
# with FLAGS... -- ARGS...: ARGS with FLAGS inserted before a container command's "--" (or appended).
with() {
    local flags=() args=(); while [ "$1" != -- ]; do flags+=("$1"); shift; done; shift
    local done=false
    for a in "$@"; do
        if [ "$a" = -- ] && ! $done; then args+=("${flags[@]}"); done=true; fi
        args+=("$a")
    done
    $done || args+=("${flags[@]}")
    k "${args[@]}"
}
cap() { # cap NAME [--json] kubectl-args...
    local name=$1; shift
    local json=false; if [ "$1" = --json ]; then json=true; shift; fi
    echo "$name" > "$OUT/NAME"
    # Only the resource generators have --validate; false skips the OpenAPI download this server cannot answer.
    if [ "$1" = create ] && [ "$2" != token ]; then with --validate=false -- "$@"; else k "$@"; fi
    if $json; then with --dry-run=client -o json -- "$@" > "$OUT/$name.json"; fi
}
cap deployment --json create deployment web --image=busybox --replicas=2 --port=80
cap deployment-minimal --json create deployment web --image=busybox
cap namespace --json create namespace team-a
cap configmap --json create configmap cfg --from-literal=a=1 --from-literal=b=two
cap secret-generic --json create secret generic s1 --from-literal=user=admin --from-literal=pw='p@ss'
cap secret-docker-registry --json create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p --docker-email=e@x
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=tls.example \
    -keyout "$OUT/tls.key" -out "$OUT/tls.crt" 2>/dev/null
cap secret-tls --json create secret tls tls1 --cert="$OUT/tls.crt" --key="$OUT/tls.key"
cap service-clusterip --json create service clusterip web --tcp=80:8080
cap service-nodeport --json create service nodeport np --tcp=80:8080 --node-port=30080
cap service-loadbalancer --json create service loadbalancer lb --tcp=443:8443
cap service-externalname --json create service externalname ext --external-name=db.example.com
cap job --json create job j1 --image=busybox -- echo hi
cap cronjob --json create cronjob cj --image=busybox '--schedule=*/5 * * * *' --restart=OnFailure -- date
cap serviceaccount --json create serviceaccount sa1
cap quota --json create quota q1 --hard=pods=2,requests.cpu=100m,limits.memory=1Gi --scopes=NotTerminating
cap priorityclass --json create priorityclass high --value=1000 --description=important --preemption-policy=Never
cap role --json create role r1 --verb=get,list --resource=pods
cap clusterrole --json create clusterrole cr1 --verb=get --non-resource-url=/logs
cap rolebinding --json create rolebinding rb1 --clusterrole=view --user=bob --serviceaccount=default:sa1
cap clusterrolebinding --json create clusterrolebinding crb1 --clusterrole=view --group=devs
cap ingress --json create ingress ing1 '--rule=foo.com/bar=svc1:8080,tls=my-cert' --class=nginx
cap pdb --json create poddisruptionbudget pdb1 --selector=app=web --min-available=50%
cap job-from-cronjob --json create job manual --from=cronjob/rich
# kubectl 1.33, run directly (the dispatcher would pick 1.32 for this server), writes fields that 1.32 does not
# know (lifecycle.stopSignal), which the schema has too.
KUBECTL=$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.1.33 cap job-from-cronjob-1.33 --json create job manual --from=cronjob/rich
# No --dry-run for these; their expected JSON is written by hand from the Go types.
cap token create token sa1 --duration=10m --audience=api --bound-object-kind=Pod --bound-object-name=p1 --bound-object-uid=123e4567-e89b-12d3-a456-426614174000
cap can-i auth can-i list pods
cap can-i-subresource auth can-i get pods --subresource=log -n kube-system
cap can-i-nonresource auth can-i get /logs
cap can-i-list auth can-i --list
