#!/usr/bin/env python3
"""Records the protobuf bodies that kubectl 1.32 POSTs for `create <generator>` and `auth can-i`.

Usage: capture.py OUT_DIR PORT. Answers just enough legacy discovery (kubectl-wire.md section 2.2) for kubectl to
get to the POST, writes each request body to OUT_DIR/<name>.bin (the name is read from OUT_DIR/NAME, written by
capture.sh before each command) and replies with a minimal JSON object so that kubectl exits 0.
GET .../cronjobs/rich serves cronjob-rich.json, for `kubectl create job --from=cronjob/rich`.
"""
import json, sys, os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OUT = sys.argv[1]
PORT = int(sys.argv[2])
V = ["create", "delete", "get", "list", "patch", "update", "watch"]
GROUPS = {
    "v1": [("namespaces", "Namespace", False), ("configmaps", "ConfigMap", True), ("secrets", "Secret", True),
           ("services", "Service", True), ("serviceaccounts", "ServiceAccount", True),
           ("serviceaccounts/token", "TokenRequest", True), ("resourcequotas", "ResourceQuota", True),
           ("pods", "Pod", True)],
    "apps/v1": [("deployments", "Deployment", True)],
    "batch/v1": [("jobs", "Job", True), ("cronjobs", "CronJob", True)],
    "scheduling.k8s.io/v1": [("priorityclasses", "PriorityClass", False)],
    "authorization.k8s.io/v1": [("selfsubjectaccessreviews", "SelfSubjectAccessReview", False),
                                ("selfsubjectrulesreviews", "SelfSubjectRulesReview", False)],
    "authentication.k8s.io/v1": [("tokenreviews", "TokenReview", False)],
    "rbac.authorization.k8s.io/v1": [("roles", "Role", True), ("clusterroles", "ClusterRole", False),
                                     ("rolebindings", "RoleBinding", True), ("clusterrolebindings", "ClusterRoleBinding", False)],
    "networking.k8s.io/v1": [("ingresses", "Ingress", True)],
    "policy/v1": [("poddisruptionbudgets", "PodDisruptionBudget", True)],
}

class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, code, obj):
        b = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(b)))
        self.end_headers()
        self.wfile.write(b)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/version":
            return self.reply(200, {"major": "1", "minor": "32", "gitVersion": "v1.32.4"})
        if p == "/api":
            return self.reply(200, {"kind": "APIVersions", "versions": ["v1"],
                                    "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]})
        if p == "/apis":
            gs = []
            for gv in GROUPS:
                if gv == "v1":
                    continue
                g, v = gv.split("/")
                gs.append({"name": g, "versions": [{"groupVersion": gv, "version": v}],
                           "preferredVersion": {"groupVersion": gv, "version": v}})
            return self.reply(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": gs})
        if p.endswith("/cronjobs/rich"):
            return self.reply(200, json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cronjob-rich.json"))))
        gv = p[len("/api/"):] if p.startswith("/api/") else p[len("/apis/"):]
        if gv in GROUPS:
            res = [{"name": n, "singularName": "", "namespaced": ns, "kind": k, "verbs": V} for n, k, ns in GROUPS[gv]]
            return self.reply(200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": res})
        self.reply(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404})

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        p = self.path.split("?")[0]
        name = open(os.path.join(OUT, "NAME")).read().strip()
        with open(os.path.join(OUT, name + ".bin"), "wb") as f:
            f.write(body)
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            f.write(self.path + "\n" + self.headers.get("Content-Type", "") + "\n")
        kind, api = "Unknown", "v1"
        for gv, rs in GROUPS.items():
            for r, k, _ in rs:
                if p.endswith("/" + r.split("/")[-1]):
                    kind, api = k, gv
        obj = {"kind": kind, "apiVersion": api, "metadata": {"name": "x", "namespace": "default"}}
        if kind == "SelfSubjectAccessReview":
            obj["status"] = {"allowed": True}
        if kind == "TokenRequest":
            obj["apiVersion"] = "authentication.k8s.io/v1"
            obj["status"] = {"token": "t", "expirationTimestamp": "2030-01-01T00:00:00Z"}
        self.reply(201, obj)

ThreadingHTTPServer(("127.0.0.1", PORT), H).serve_forever()
