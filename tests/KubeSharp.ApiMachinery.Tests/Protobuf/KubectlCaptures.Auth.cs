namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Bodies recorded from kubectl 1.32.4 (Capture/capture.sh). Expected JSON: `--dry-run=client -o json` of the
// same command, i.e. Go's JSON encoding of the same struct, without `creationTimestamp: null` (the decoder omits
// zero times); for commands without --dry-run it is written by hand from the Go types.
internal static partial class KubectlCaptures
{
    public static readonly KubectlCapture CanI = new(
        "can-i",
        "kubectl auth can-i list pods",
        """
        azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSPQoQCgASABoAIgAqADIAOABC
        ABIfCh0KB2RlZmF1bHQSBGxpc3QaACIAKgRwb2RzMgA6ABoICAASABoAIAAaACIA
        """,
        """
        {
          "kind": "SelfSubjectAccessReview",
          "apiVersion": "authorization.k8s.io/v1",
          "metadata": {},
          "spec": {"resourceAttributes": {"namespace": "default", "verb": "list", "resource": "pods"}},
          "status": {"allowed": false}
        }
        """);

    public static readonly KubectlCapture CanISubresource = new(
        "can-i-subresource",
        "kubectl auth can-i get pods --subresource=log -n kube-system",
        """
        azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSQwoQCgASABoAIgAqADIAOABC
        ABIlCiMKC2t1YmUtc3lzdGVtEgNnZXQaACIAKgRwb2RzMgNsb2c6ABoICAASABoAIAAaACIA
        """,
        """
        {
          "kind": "SelfSubjectAccessReview",
          "apiVersion": "authorization.k8s.io/v1",
          "metadata": {},
          "spec": {"resourceAttributes": {"namespace": "kube-system", "verb": "get", "resource": "pods", "subresource": "log"}},
          "status": {"allowed": false}
        }
        """);

    public static readonly KubectlCapture CanINonResource = new(
        "can-i-nonresource",
        "kubectl auth can-i get /logs",
        """
        azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSLAoQCgASABoAIgAqADIAOABC
        ABIOEgwKBS9sb2dzEgNnZXQaCAgAEgAaACAAGgAiAA==
        """,
        """
        {
          "kind": "SelfSubjectAccessReview",
          "apiVersion": "authorization.k8s.io/v1",
          "metadata": {},
          "spec": {"nonResourceAttributes": {"path": "/logs", "verb": "get"}},
          "status": {"allowed": false}
        }
        """);

    public static readonly KubectlCapture CanIList = new(
        "can-i-list",
        "kubectl auth can-i --list",
        """
        azhzAAoxChdhdXRob3JpemF0aW9uLms4cy5pby92MRIWU2VsZlN1YmplY3RSdWxlc1JldmlldxIjChAKABIAGgAiACoAMgA4AEIA
        EgkKB2RlZmF1bHQaBBgAIgAaACIA
        """,
        """
        {
          "kind": "SelfSubjectRulesReview",
          "apiVersion": "authorization.k8s.io/v1",
          "metadata": {},
          "spec": {"namespace": "default"},
          "status": {"incomplete": false}
        }
        """);

    public static readonly KubectlCapture Role = new(
        "role",
        "kubectl create role r1 --verb=get,list --resource=pods",
        """
        azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEikKEgoCcjESABoAIgAqADIAOABCABITCgNnZXQKBGxp
        c3QSABoEcG9kcxoAIgA=
        """,
        """
        {
          "kind": "Role",
          "apiVersion": "rbac.authorization.k8s.io/v1",
          "metadata": {
            "name": "r1"
          },
          "rules": [
            {
              "verbs": [
                "get",
                "list"
              ],
              "apiGroups": [
                ""
              ],
              "resources": [
                "pods"
              ]
            }
          ]
        }
        """);

    public static readonly KubectlCapture ClusterRole = new(
        "clusterrole",
        "kubectl create clusterrole cr1 --verb=get --non-resource-url=/logs",
        """
        azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRIjChMKA2NyMRIAGgAiACoAMgA4AEIAEgwK
        A2dldCoFL2xvZ3MaACIA
        """,
        """
        {
          "kind": "ClusterRole",
          "apiVersion": "rbac.authorization.k8s.io/v1",
          "metadata": {
            "name": "cr1"
          },
          "rules": [
            {
              "verbs": [
                "get"
              ],
              "nonResourceURLs": [
                "/logs"
              ]
            }
          ]
        }
        """);

    public static readonly KubectlCapture RoleBinding = new(
        "rolebinding",
        "kubectl create rolebinding rb1 --clusterrole=view --user=bob --serviceaccount=default:sa1",
        """
        azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxKRAQoTCgNyYjESABoAIgAqADIAOABCABIo
        CgRVc2VyEhlyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvGgNib2IiABIgCg5TZXJ2aWNlQWNjb3VudBIAGgNzYTEiB2RlZmF1bHQa
        LgoZcmJhYy5hdXRob3JpemF0aW9uLms4cy5pbxILQ2x1c3RlclJvbGUaBHZpZXcaACIA
        """,
        """
        {
          "kind": "RoleBinding",
          "apiVersion": "rbac.authorization.k8s.io/v1",
          "metadata": {
            "name": "rb1"
          },
          "subjects": [
            {
              "kind": "User",
              "apiGroup": "rbac.authorization.k8s.io",
              "name": "bob"
            },
            {
              "kind": "ServiceAccount",
              "name": "sa1",
              "namespace": "default"
            }
          ],
          "roleRef": {
            "apiGroup": "rbac.authorization.k8s.io",
            "kind": "ClusterRole",
            "name": "view"
          }
        }
        """);

    public static readonly KubectlCapture ClusterRoleBinding = new(
        "clusterrolebinding",
        "kubectl create clusterrolebinding crb1 --clusterrole=view --group=devs",
        """
        azhzAAoyChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEhJDbHVzdGVyUm9sZUJpbmRpbmcScgoUCgRjcmIxEgAaACIAKgAy
        ADgAQgASKgoFR3JvdXASGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8aBGRldnMiABouChlyYmFjLmF1dGhvcml6YXRpb24uazhz
        LmlvEgtDbHVzdGVyUm9sZRoEdmlldxoAIgA=
        """,
        """
        {
          "kind": "ClusterRoleBinding",
          "apiVersion": "rbac.authorization.k8s.io/v1",
          "metadata": {
            "name": "crb1"
          },
          "subjects": [
            {
              "kind": "Group",
              "apiGroup": "rbac.authorization.k8s.io",
              "name": "devs"
            }
          ],
          "roleRef": {
            "apiGroup": "rbac.authorization.k8s.io",
            "kind": "ClusterRole",
            "name": "view"
          }
        }
        """);
}
