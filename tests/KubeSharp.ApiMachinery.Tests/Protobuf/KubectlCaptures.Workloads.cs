namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Bodies recorded from kubectl 1.32.4 (Capture/capture.sh). Expected JSON: `--dry-run=client -o json` of the
// same command, i.e. Go's JSON encoding of the same struct, without `creationTimestamp: null` (the decoder omits
// zero times); for commands without --dry-run it is written by hand from the Go types.
internal static partial class KubectlCaptures
{
    public static readonly KubectlCapture Deployment = new(
        "deployment",
        "kubectl create deployment web --image=busybox --replicas=2 --port=80",
        """
        azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50ErwBCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEooBCAISDAoKCgNh
        cHASA3dlYhpwChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViElASMgoHYnVzeWJveBIHYnVzeWJveCoAMgoKABAAGFAiACoA
        QgBqAHIAgAEAiAEAkAEAogEAGgAyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBACICCgAoADgAGgwIABAAGAAgACgAOAAaACIA
        """,
        """
        {
          "kind": "Deployment",
          "apiVersion": "apps/v1",
          "metadata": {
            "name": "web",
            "labels": {
              "app": "web"
            }
          },
          "spec": {
            "replicas": 2,
            "selector": {
              "matchLabels": {
                "app": "web"
              }
            },
            "template": {
              "metadata": {
                "labels": {
                  "app": "web"
                }
              },
              "spec": {
                "containers": [
                  {
                    "name": "busybox",
                    "image": "busybox",
                    "ports": [
                      {
                        "containerPort": 80
                      }
                    ],
                    "resources": {}
                  }
                ]
              }
            },
            "strategy": {}
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture DeploymentMinimal = new(
        "deployment-minimal",
        "kubectl create deployment web --image=busybox",
        """
        azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50Eq8BCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEn4IARIMCgoKA2Fw
        cBIDd2ViGmQKHAoAEgAaACIAKgAyADgAQgBaCgoDYXBwEgN3ZWISRBImCgdidXN5Ym94EgdidXN5Ym94KgBCAGoAcgCAAQCIAQCQ
        AQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=
        """,
        """
        {
          "kind": "Deployment",
          "apiVersion": "apps/v1",
          "metadata": {
            "name": "web",
            "labels": {
              "app": "web"
            }
          },
          "spec": {
            "replicas": 1,
            "selector": {
              "matchLabels": {
                "app": "web"
              }
            },
            "template": {
              "metadata": {
                "labels": {
                  "app": "web"
                }
              },
              "spec": {
                "containers": [
                  {
                    "name": "busybox",
                    "image": "busybox",
                    "resources": {}
                  }
                ]
              }
            },
            "strategy": {}
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture Job = new(
        "job",
        "kubectl create job j1 --image=busybox -- echo hi",
        """
        azhzAAoPCghiYXRjaC92MRIDSm9iEoQBChIKAmoxEgAaACIAKgAyADgAQgASZDJiChAKABIAGgAiACoAMgA4AEIAEk4SKwoCajES
        B2J1c3lib3gaBGVjaG8aAmhpKgBCAGoAcgCAAQCIAQCQAQCiAQAaBU5ldmVyMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAaCCAA
        KAAwADoAGgAiAA==
        """,
        """
        {
          "kind": "Job",
          "apiVersion": "batch/v1",
          "metadata": {
            "name": "j1"
          },
          "spec": {
            "template": {
              "metadata": {},
              "spec": {
                "containers": [
                  {
                    "name": "j1",
                    "image": "busybox",
                    "command": [
                      "echo",
                      "hi"
                    ],
                    "resources": {}
                  }
                ],
                "restartPolicy": "Never"
              }
            }
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture CronJob = new(
        "cronjob",
        "kubectl create cronjob cj --image=busybox --schedule='*/5 * * * *' --restart=OnFailure -- date",
        """
        azhzAAoTCghiYXRjaC92MRIHQ3JvbkpvYhKkAQoSCgJjahIAGgAiACoAMgA4AEIAEosBCgsqLzUgKiAqICogKhoAKnoKEgoCY2oS
        ABoAIgAqADIAOABCABJkMmIKEAoAEgAaACIAKgAyADgAQgASThInCgJjahIHYnVzeWJveBoEZGF0ZSoAQgBqAHIAgAEAiAEAkAEA
        ogEAGglPbkZhaWx1cmUyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBABoAGgAiAA==
        """,
        """
        {
          "kind": "CronJob",
          "apiVersion": "batch/v1",
          "metadata": {
            "name": "cj"
          },
          "spec": {
            "schedule": "*/5 * * * *",
            "jobTemplate": {
              "metadata": {
                "name": "cj"
              },
              "spec": {
                "template": {
                  "metadata": {},
                  "spec": {
                    "containers": [
                      {
                        "name": "cj",
                        "image": "busybox",
                        "command": [
                          "date"
                        ],
                        "resources": {}
                      }
                    ],
                    "restartPolicy": "OnFailure"
                  }
                }
              }
            }
          },
          "status": {}
        }
        """);
}
