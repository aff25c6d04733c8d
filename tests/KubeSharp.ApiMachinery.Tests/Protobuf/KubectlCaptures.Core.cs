namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Bodies recorded from kubectl 1.32.4 (Capture/capture.sh). Expected JSON: `--dry-run=client -o json` of the
// same command, i.e. Go's JSON encoding of the same struct, without `creationTimestamp: null` (the decoder omits
// zero times); for commands without --dry-run it is written by hand from the Go types.
internal static partial class KubectlCaptures
{
    public static readonly KubectlCapture Namespace = new(
        "namespace",
        "kubectl create namespace team-a",
        """
        azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA
        """,
        """
        {
          "kind": "Namespace",
          "apiVersion": "v1",
          "metadata": {
            "name": "team-a"
          },
          "spec": {},
          "status": {}
        }
        """);

    public static readonly KubectlCapture ConfigMap = new(
        "configmap",
        "kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two",
        """
        azhzAAoPCgJ2MRIJQ29uZmlnTWFwEicKEwoDY2ZnEgAaACIAKgAyADgAQgASBgoBYRIBMRIICgFiEgN0d28aACIA
        """,
        """
        {
          "kind": "ConfigMap",
          "apiVersion": "v1",
          "metadata": {
            "name": "cfg"
          },
          "data": {
            "a": "1",
            "b": "two"
          }
        }
        """);

    public static readonly KubectlCapture SecretGeneric = new(
        "secret-generic",
        "kubectl create secret generic s1 --from-literal=user=admin --from-literal=pw=p@ss",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0EjEKEgoCczESABoAIgAqADIAOABCABIKCgJwdxIEcEBzcxINCgR1c2VyEgVhZG1pbhoAGgAiAA==
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "s1"
          },
          "data": {
            "pw": "cEBzcw==",
            "user": "YWRtaW4="
          }
        }
        """);

    public static readonly KubectlCapture SecretDockerRegistry = new(
        "secret-docker-registry",
        "kubectl create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p --docker-email=e@x",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0Ep8BChMKA3JlZxIAGgAiACoAMgA4AEIAEmgKES5kb2NrZXJjb25maWdqc29uElN7ImF1dGhzIjp7
        InIuZXhhbXBsZSI6eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAiLCJlbWFpbCI6ImVAeCIsImF1dGgiOiJkVHB3In19fRoe
        a3ViZXJuZXRlcy5pby9kb2NrZXJjb25maWdqc29uGgAiAA==
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "reg"
          },
          "data": {
            ".dockerconfigjson": "eyJhdXRocyI6eyJyLmV4YW1wbGUiOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiZW1haWwiOiJlQHgiLCJhdXRoIjoiZFRwdyJ9fX0="
          },
          "type": "kubernetes.io/dockerconfigjson"
        }
        """);

    public static readonly KubectlCapture SecretTls = new(
        "secret-tls",
        "kubectl create secret tls tls1 --cert=tls.crt --key=tls.key (a throwaway self-signed EC key made by capture.sh)",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0Ev8GChQKBHRsczESABoAIgAqADIAOABCABLTBAoHdGxzLmNydBLHBC0tLS0tQkVHSU4gQ0VSVElG
        SUNBVEUtLS0tLQpNSUlCZ1RDQ0FTZWdBd0lCQWdJVWRvaDA4WkFubWgveENrYS94bzYreE56Y2FIUXdDZ1lJS29aSXpqMEVBd0l3
        CkZqRVVNQklHQTFVRUF3d0xkR3h6TG1WNFlXMXdiR1V3SGhjTk1qWXhNVEkzTVRneU5EQXpXaGNOTWpZeE1USTQKTVRneU5EQXpX
        akFXTVJRd0VnWURWUVFEREF0MGJITXVaWGhoYlhCc1pUQlpNQk1HQnlxR1NNNDlBZ0VHQ0NxRwpTTTQ5QXdFSEEwSUFCS2Y5V05N
        eTF6SnhMOVBBSjB4NHF5RTBGa0JJcTVuUmhSRkpPM0Q4dHBzdnBzRlhsMG91CkZ5K2V4QnhZTGNrTkc5OXJHeXJNSDRpcHRsdzlJ
        SW5ETFJ1alV6QlJNQjBHQTFVZERnUVdCQlFHQytnM0hocDEKQnFDSjVGM0tMM3lUL2tyVjRUQWZCZ05WSFNNRUdEQVdnQlFHQytn
        M0hocDFCcUNKNUYzS0wzeVQva3JWNFRBUApCZ05WSFJNQkFmOEVCVEFEQVFIL01Bb0dDQ3FHU000OUJBTUNBMGdBTUVVQ0lRRE1v
        aFkvclhrN2tWaG0xVFVJCkE2eCtBU2xmTHdNcVk3ZytXM2hpRGZ3Y29nSWdYQlp1aDVsc3hwSXo0MkF1ZFpOM0hld1FreXVzQVVy
        ZHBURzEKdm9DSWF2UT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQoS/QEKB3Rscy5rZXkS8QEtLS0tLUJFR0lOIFBSSVZBVEUg
        S0VZLS0tLS0KTUlHSEFnRUFNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQkcwd2F3SUJBUVFnNndoWHZpNVFnM1FXMC9vegpK
        NGowK1VvWEtFUnkzMmxGMlJwZUxJS1ZicG1oUkFOQ0FBU24vVmpUTXRjeWNTL1R3Q2RNZUtzaE5CWkFTS3VaCjBZVVJTVHR3L0xh
        Ykw2YkJWNWRLTGhjdm5zUWNXQzNKRFJ2ZmF4c3F6QitJcWJaY1BTQ0p3eTBiCi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0KGhFr
        dWJlcm5ldGVzLmlvL3RscxoAIgA=
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "tls1"
          },
          "data": {
            "tls.crt": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnVENDQVNlZ0F3SUJBZ0lVZG9oMDhaQW5taC94Q2thL3hvNit4TnpjYUhRd0NnWUlLb1pJemowRUF3SXcKRmpFVU1CSUdBMVVFQXd3TGRHeHpMbVY0WVcxd2JHVXdIaGNOTWpZeE1USTNNVGd5TkRBeldoY05Nall4TVRJNApNVGd5TkRBeldqQVdNUlF3RWdZRFZRUUREQXQwYkhNdVpYaGhiWEJzWlRCWk1CTUdCeXFHU000OUFnRUdDQ3FHClNNNDlBd0VIQTBJQUJLZjlXTk15MXpKeEw5UEFKMHg0cXlFMEZrQklxNW5SaFJGSk8zRDh0cHN2cHNGWGwwb3UKRnkrZXhCeFlMY2tORzk5ckd5ck1INGlwdGx3OUlJbkRMUnVqVXpCUk1CMEdBMVVkRGdRV0JCUUdDK2czSGhwMQpCcUNKNUYzS0wzeVQva3JWNFRBZkJnTlZIU01FR0RBV2dCUUdDK2czSGhwMUJxQ0o1RjNLTDN5VC9rclY0VEFQCkJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0EwZ0FNRVVDSVFETW9oWS9yWGs3a1ZobTFUVUkKQTZ4K0FTbGZMd01xWTdnK1czaGlEZndjb2dJZ1hCWnVoNWxzeHBJejQyQXVkWk4zSGV3UWt5dXNBVXJkcFRHMQp2b0NJYXZRPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",
            "tls.key": "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZzZ3aFh2aTVRZzNRVzAvb3oKSjRqMCtVb1hLRVJ5MzJsRjJScGVMSUtWYnBtaFJBTkNBQVNuL1ZqVE10Y3ljUy9Ud0NkTWVLc2hOQlpBU0t1WgowWVVSU1R0dy9MYWJMNmJCVjVkS0xoY3Zuc1FjV0MzSkRSdmZheHNxekIrSXFiWmNQU0NKd3kwYgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg=="
          },
          "type": "kubernetes.io/tls"
        }
        """);

    public static readonly KubectlCapture ServiceClusterIP = new(
        "service-clusterip",
        "kubectl create service clusterip web --tcp=80:8080",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJpCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEkIKGwoHODAtODA4MBIDVENQGFAi
        BwgAEJA/GgAoABIKCgNhcHASA3dlYhoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "web",
            "labels": {
              "app": "web"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "80-8080",
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080
              }
            ],
            "selector": {
              "app": "web"
            },
            "type": "ClusterIP"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceNodePort = new(
        "service-nodeport",
        "kubectl create service nodeport np --tcp=80:8080 --node-port=30080",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJnCh0KAm5wEgAaACIAKgAyADgAQgBaCQoDYXBwEgJucBJCCh0KBzgwLTgwODASA1RDUBhQIgcI
        ABCQPxoAKIDrARIJCgNhcHASAm5wGgAiCE5vZGVQb3J0OgBCAFIAWgBgAGgAGgIKABoAIgA=
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "np",
            "labels": {
              "app": "np"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "80-8080",
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080,
                "nodePort": 30080
              }
            ],
            "selector": {
              "app": "np"
            },
            "type": "NodePort"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceLoadBalancer = new(
        "service-loadbalancer",
        "kubectl create service loadbalancer lb --tcp=443:8443",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJrCh0KAmxiEgAaACIAKgAyADgAQgBaCQoDYXBwEgJsYhJGCh0KCDQ0My04NDQzEgNUQ1AYuwMi
        BwgAEPtBGgAoABIJCgNhcHASAmxiGgAiDExvYWRCYWxhbmNlcjoAQgBSAFoAYABoABoCCgAaACIA
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "lb",
            "labels": {
              "app": "lb"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "443-8443",
                "protocol": "TCP",
                "port": 443,
                "targetPort": 8443
              }
            ],
            "selector": {
              "app": "lb"
            },
            "type": "LoadBalancer"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceExternalName = new(
        "service-externalname",
        "kubectl create service externalname ext --external-name=db.example.com",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJdCh8KA2V4dBIAGgAiACoAMgA4AEIAWgoKA2FwcBIDZXh0EjYSCgoDYXBwEgNleHQaACIMRXh0
        ZXJuYWxOYW1lOgBCAFIOZGIuZXhhbXBsZS5jb21aAGAAaAAaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "ext",
            "labels": {
              "app": "ext"
            }
          },
          "spec": {
            "selector": {
              "app": "ext"
            },
            "type": "ExternalName",
            "externalName": "db.example.com"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceAccount = new(
        "serviceaccount",
        "kubectl create serviceaccount sa1",
        """
        azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSFQoTCgNzYTESABoAIgAqADIAOABCABoAIgA=
        """,
        """
        {
          "kind": "ServiceAccount",
          "apiVersion": "v1",
          "metadata": {
            "name": "sa1"
          }
        }
        """);

    public static readonly KubectlCapture Quota = new(
        "quota",
        "kubectl create quota q1 --hard=pods=2,requests.cpu=100m,limits.memory=1Gi --scopes=NotTerminating",
        """
        azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJlChIKAnExEgAaACIAKgAyADgAQgASTQoWCg1saW1pdHMubWVtb3J5EgUKAzFHaQoL
        CgRwb2RzEgMKATIKFgoMcmVxdWVzdHMuY3B1EgYKBDEwMG0SDk5vdFRlcm1pbmF0aW5nGgAaACIA
        """,
        """
        {
          "kind": "ResourceQuota",
          "apiVersion": "v1",
          "metadata": {
            "name": "q1"
          },
          "spec": {
            "hard": {
              "limits.memory": "1Gi",
              "pods": "2",
              "requests.cpu": "100m"
            },
            "scopes": [
              "NotTerminating"
            ]
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture Token = new(
        "token",
        "kubectl create token sa1 --duration=10m --audience=api --bound-object-kind=Pod --bound-object-name=p1 --bound-object-uid=123e4567-e89b-12d3-a456-426614174000",
        """
        azhzAAooChhhdXRoZW50aWNhdGlvbi5rOHMuaW8vdjESDFRva2VuUmVxdWVzdBJXChAKABIAGgAiACoAMgA4AEIAEj0KA2FwaRoz
        CgNQb2QSAnYxGgJwMSIkMTIzZTQ1NjctZTg5Yi0xMmQzLWE0NTYtNDI2NjE0MTc0MDAwINgEGgQKABIAGgAiAA==
        """,
        """
        {
          "kind": "TokenRequest",
          "apiVersion": "authentication.k8s.io/v1",
          "metadata": {},
          "spec": {
            "audiences": ["api"],
            "expirationSeconds": 600,
            "boundObjectRef": {"kind": "Pod", "apiVersion": "v1", "name": "p1", "uid": "123e4567-e89b-12d3-a456-426614174000"}
          },
          "status": {"token": ""}
        }
        """);
}
