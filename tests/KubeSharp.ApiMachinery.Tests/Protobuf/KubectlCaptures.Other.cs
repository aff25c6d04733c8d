namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Bodies recorded from kubectl 1.32.4 (Capture/capture.sh). Expected JSON: `--dry-run=client -o json` of the
// same command, i.e. Go's JSON encoding of the same struct, without `creationTimestamp: null` (the decoder omits
// zero times); for commands without --dry-run it is written by hand from the Go types.
internal static partial class KubectlCaptures
{
    public static readonly KubectlCapture PriorityClass = new(
        "priorityclass",
        "kubectl create priorityclass high --value=1000 --description=important --preemption-policy=Never",
        """
        azhzAAolChRzY2hlZHVsaW5nLms4cy5pby92MRINUHJpb3JpdHlDbGFzcxItChQKBGhpZ2gSABoAIgAqADIAOABCABDoBxgAIglp
        bXBvcnRhbnQqBU5ldmVyGgAiAA==
        """,
        """
        {
          "kind": "PriorityClass",
          "apiVersion": "scheduling.k8s.io/v1",
          "metadata": {
            "name": "high"
          },
          "value": 1000,
          "description": "important",
          "preemptionPolicy": "Never"
        }
        """);

    public static readonly KubectlCapture Ingress = new(
        "ingress",
        "kubectl create ingress ing1 --rule=foo.com/bar=svc1:8080,tls=my-cert --class=nginx",
        """
        azhzAAofChRuZXR3b3JraW5nLms4cy5pby92MRIHSW5ncmVzcxJmChQKBGluZzESABoAIgAqADIAOABCABJKEhIKB2Zvby5jb20S
        B215LWNlcnQaLQoHZm9vLmNvbRIiCiAKHgoEL2JhchIPIg0KBHN2YzESBQoAEJA/GgVFeGFjdCIFbmdpbngaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Ingress",
          "apiVersion": "networking.k8s.io/v1",
          "metadata": {
            "name": "ing1"
          },
          "spec": {
            "ingressClassName": "nginx",
            "tls": [
              {
                "hosts": [
                  "foo.com"
                ],
                "secretName": "my-cert"
              }
            ],
            "rules": [
              {
                "host": "foo.com",
                "http": {
                  "paths": [
                    {
                      "path": "/bar",
                      "pathType": "Exact",
                      "backend": {
                        "service": {
                          "name": "svc1",
                          "port": {
                            "number": 8080
                          }
                        }
                      }
                    }
                  ]
                }
              }
            ]
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture Pdb = new(
        "pdb",
        "kubectl create poddisruptionbudget pdb1 --selector=app=web --min-available=50%",
        """
        azhzAAogCglwb2xpY3kvdjESE1BvZERpc3J1cHRpb25CdWRnZXQSPQoUCgRwZGIxEgAaACIAKgAyADgAQgASGQoJCAEQABoDNTAl
        EgwKCgoDYXBwEgN3ZWIaCggAGAAgACgAMAAaACIA
        """,
        """
        {
          "kind": "PodDisruptionBudget",
          "apiVersion": "policy/v1",
          "metadata": {
            "name": "pdb1"
          },
          "spec": {
            "minAvailable": "50%",
            "selector": {
              "matchLabels": {
                "app": "web"
              }
            }
          },
          "status": {
            "disruptionsAllowed": 0,
            "currentHealthy": 0,
            "desiredHealthy": 0,
            "expectedPods": 0
          }
        }
        """);
}
