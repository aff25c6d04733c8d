namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// As KubectlCaptures.JobFromCronJob, but recorded from kubectl 1.33, which also sends lifecycle.stopSignal
// (a 1.33 field): the schema follows the 1.34 field set, so newer clients lose nothing either.
internal static partial class KubectlCaptures
{
    public static readonly KubectlCapture JobFromCronJob133 = new(
        "job-from-cronjob-1.33",
        "kubectl create job manual --from=cronjob/rich, run as kubectl.1.33",
        """
        azhzAAoPCghiYXRjaC92MRIDSm9iEoISCqIBCgZtYW51YWwSABoAIgAqADIAOABCAFoLCgNqb2ISBHJpY2hiKwohY3JvbmpvYi5r
        dWJlcm5ldGVzLmlvL2luc3RhbnRpYXRlEgZtYW51YWxiDQoEbm90ZRIFaGVsbG9qQQoHQ3JvbkpvYhoEcmljaCIkMGI3ZjdiMWUt
        MTExMS00MjIyLTgzMzMtOTQ0NDU1NTU2NjY2KghiYXRjaC92MTABEtAQCAAQAxjYBDLeDwodCgASABoAIgAqADIAOABCAFoLCgNq
        b2ISBHJpY2gSvA8KHQoHc2NyYXRjaBISEhAKBk1lbW9yeRIGCgQ2NE1pCh8KBGhvc3QSFwoVCggvdmFyL2xvZxIJRGlyZWN0b3J5
        CiUKA2NmZxIemgEbCgUKA2NmZxINCgFhEgVhLnR4dBiAAhikAyAAChEKA3NlYxIKMggKA3NlYxiAAwpNCgRkYXBpEkWCAUIKHQoG
        bGFiZWxzEhMKABIPbWV0YWRhdGEubGFiZWxzCiEKA2NwdRoaCgRtYWluEgxyZXF1ZXN0cy5jcHUaBAoCMW0KSgoEcHJvahJC0gE/
        ChEiDwoDYXBpEJAcGgV0b2tlbgoJGgcKBQoDY2ZnChwqGhIGeC5pby9zGggKBgoBYRIBYiIGY2EucGVtEKQCChIKBGRhdGESClII
        CgRwdmMxEAEKWgoDYmxrElPqAVAKTgoYCgASABoAIgAqADIAOABCAFoGCgFlEgExEjIKDVJlYWRXcml0ZU9uY2USEhIQCgdzdG9y
        YWdlEgUKAzFHaRoAKgRmYXN0MgVCbG9jawofCgNuZnMSGDoWCggxMC4wLjAuMRIIL2V4cG9ydHMYAQobCgNpbWcSFPIBEQoHYnVz
        eWJveBIGQWx3YXlzEqgGCgRtYWluEgxidXN5Ym94OjEuMzYaAnNoIgItYyIHc2xlZXAgMSoCL3cyEgoEaHR0cBAAGJA/IgNUQ1Aq
        ADIXCgAQ6SkYNSIDVURQKgkxMjcuMC4wLjE6CgoFUExBSU4SAXY6CQoFRU1QVFkSADofCgROT0RFEgAaFQoTCgJ2MRINc3BlYy5u
        b2RlTmFtZTonCgNNRU0SABoeEhwKBG1haW4SDWxpbWl0cy5tZW1vcnkaBQoDMU1pOhcKAlBXEgAaDyINCgUKA3NlYxICcHcYADoT
        CgFDEgAaDBoKCgUKA2NmZxIBY0JqCg0KA2NwdRIGCgQ1MDBtChEKBm1lbW9yeRIHCgUxMjhNaRINCgNjcHUSBgoEMTAwbRIaChFl
        cGhlbWVyYWwtc3RvcmFnZRIFCgMxR2kSEAoGbWVtb3J5EgYKBDY0TWkaCQoDZ3B1EgJyMUoZCgdzY3JhdGNoEAAaCC9zY3JhdGNo
        IgAyAEoxCgNjZmcQARoIL2V0Yy9jZmciAXgqD0hvc3RUb0NvbnRhaW5lcjIAOghEaXNhYmxlZFIbCg0aCwoHCAAQkD8aABIAEAUY
        AiAKKAEwAzgHWj4KMhIwCgYvcmVhZHkSCggBEAAaBGh0dHAaCWxvY2FsaG9zdCIFSFRUUFMqCAoDWC1BEgFiEAAYACADKAAwAGId
        CgwKCgoEZWNobwoCdXASBCICCAUaB1NJR1RFUk1qFC9kZXYvdGVybWluYXRpb24tbG9ncgxJZk5vdFByZXNlbnR6YAoQCglORVRf
        QURNSU4SA0FMTBAAGg0KABIAGgAiBXMwOmMxIOgHKAEwADgAQABKB0RlZmF1bHRSBRoBdSAAWhAKDlJ1bnRpbWVEZWZhdWx0Yg4K
        CUxvY2FsaG9zdBIBcIABAYgBAJABAZoBEQoEQ0ZHXxIJCgUKA2NmZxABmgELCgAaBwoFCgNzZWOiARVGYWxsYmFja1RvTG9nc09u
        RXJyb3KqARAKA2JsaxIJL2Rldi94dmRhsgEZCg0iCwiCRxIGaGVhbHRoEAAYACAAKAAwHroBEgoDY3B1EgtOb3RSZXF1aXJlZBoF
        TmV2ZXIgACisAjIETm9uZToLCgRkaXNrEgNzc2RCA3NhMUoAUgBYAWAAaAByZBAAIAEgAiADKNAPOhoKEm5ldC5jb3JlLnNvbWF4
        Y29ubhIEMTAyNEoOT25Sb290TWlzbWF0Y2hSFgoJTG9jYWxob3N0Eglwcm9mLmpzb25iBlN0cmljdGoLTW91bnRPcHRpb256BQoD
        cmVnggEBaIoBAXOSAa0BCkcKMAouChAKBHpvbmUSAkluGgFhGgFiEhoKDW1ldGFkYXRhLm5hbWUSBU5vdEluGgJuMRITCAoSDwoN
        CgNncHUSBkV4aXN0cxI/Cj0KCwoJCgNhcHASAmRiEgF4GhZrdWJlcm5ldGVzLmlvL2hvc3RuYW1lIgAqEXBvZC10ZW1wbGF0ZS1o
        YXNoGiESHwhkEhsKEBIOCgNhcHASAkluGgN3ZWIaBHpvbmUyAWuaARFkZWZhdWx0LXNjaGVkdWxlcqIBOgoEaW5pdBIHYnVzeWJv
        eBoCc2gaAi1jGgR0cnVlKgBCAGoAcgCAAQCIAQCQAQCiAQDCAQZBbHdheXOoAQCyARoKAWsSBUVxdWFsGgF2IglOb0V4ZWN1dGUo
        PLIBDgoAEgZFeGlzdHMaACIAugEcCggxMC4xLjEuMRIHYS5sb2NhbBIHYi5sb2NhbMIBBGhpZ2jIAQDSASkKBzEuMS4xLjESCXN2
        Yy5sb2NhbBoKCgVuZG90cxIBMhoHCgVlZG5zMNgBAeIBDAoKeC5pby9yZWFkeeoBBHJ1bmPwAQD6AQVOZXZlcoICDAoDY3B1EgUK
        AzEwbYoCOggBEgR6b25lGg1Eb05vdFNjaGVkdWxlIg0KCwoDam9iEgRyaWNoKAIyBUhvbm9yOgZJZ25vcmVCAWGYAgCiAgcKBWxp
        bnV4qAIAsgIDCgFnugILCgNncHUiBHRtcGzCAgwKCgoDY3B1EgMKATE4AEBkSgdJbmRleGVkUABaPwoZCgdGYWlsSm9iEg4KBG1h
        aW4SAkluGAEYKgoiCgZJZ25vcmUaGAoQRGlzcnVwdGlvblRhcmdldBIEVHJ1ZWABaAJyBkZhaWxlZIIBCQoHCgMwLTEQARoIIAAo
        ADAAOgAaACIA
        """,
        """
        {
          "kind": "Job",
          "apiVersion": "batch/v1",
          "metadata": {
            "name": "manual",
            "labels": {
              "job": "rich"
            },
            "annotations": {
              "cronjob.kubernetes.io/instantiate": "manual",
              "note": "hello"
            },
            "ownerReferences": [
              {
                "apiVersion": "batch/v1",
                "kind": "CronJob",
                "name": "rich",
                "uid": "0b7f7b1e-1111-4222-8333-944455556666",
                "controller": true
              }
            ]
          },
          "spec": {
            "parallelism": 0,
            "completions": 3,
            "activeDeadlineSeconds": 600,
            "podFailurePolicy": {
              "rules": [
                {
                  "action": "FailJob",
                  "onExitCodes": {
                    "containerName": "main",
                    "operator": "In",
                    "values": [
                      1,
                      42
                    ]
                  }
                },
                {
                  "action": "Ignore",
                  "onPodConditions": [
                    {
                      "type": "DisruptionTarget",
                      "status": "True"
                    }
                  ]
                }
              ]
            },
            "successPolicy": {
              "rules": [
                {
                  "succeededIndexes": "0-1",
                  "succeededCount": 1
                }
              ]
            },
            "backoffLimit": 0,
            "backoffLimitPerIndex": 1,
            "maxFailedIndexes": 2,
            "template": {
              "metadata": {
                "labels": {
                  "job": "rich"
                }
              },
              "spec": {
                "volumes": [
                  {
                    "name": "scratch",
                    "emptyDir": {
                      "medium": "Memory",
                      "sizeLimit": "64Mi"
                    }
                  },
                  {
                    "name": "host",
                    "hostPath": {
                      "path": "/var/log",
                      "type": "Directory"
                    }
                  },
                  {
                    "name": "cfg",
                    "configMap": {
                      "name": "cfg",
                      "items": [
                        {
                          "key": "a",
                          "path": "a.txt",
                          "mode": 256
                        }
                      ],
                      "defaultMode": 420,
                      "optional": false
                    }
                  },
                  {
                    "name": "sec",
                    "secret": {
                      "secretName": "sec",
                      "defaultMode": 384
                    }
                  },
                  {
                    "name": "dapi",
                    "downwardAPI": {
                      "items": [
                        {
                          "path": "labels",
                          "fieldRef": {
                            "fieldPath": "metadata.labels"
                          }
                        },
                        {
                          "path": "cpu",
                          "resourceFieldRef": {
                            "containerName": "main",
                            "resource": "requests.cpu",
                            "divisor": "1m"
                          }
                        }
                      ]
                    }
                  },
                  {
                    "name": "proj",
                    "projected": {
                      "sources": [
                        {
                          "serviceAccountToken": {
                            "audience": "api",
                            "expirationSeconds": 3600,
                            "path": "token"
                          }
                        },
                        {
                          "configMap": {
                            "name": "cfg"
                          }
                        },
                        {
                          "clusterTrustBundle": {
                            "signerName": "x.io/s",
                            "labelSelector": {
                              "matchLabels": {
                                "a": "b"
                              }
                            },
                            "path": "ca.pem"
                          }
                        }
                      ],
                      "defaultMode": 292
                    }
                  },
                  {
                    "name": "data",
                    "persistentVolumeClaim": {
                      "claimName": "pvc1",
                      "readOnly": true
                    }
                  },
                  {
                    "name": "blk",
                    "ephemeral": {
                      "volumeClaimTemplate": {
                        "metadata": {
                          "labels": {
                            "e": "1"
                          }
                        },
                        "spec": {
                          "accessModes": [
                            "ReadWriteOnce"
                          ],
                          "resources": {
                            "requests": {
                              "storage": "1Gi"
                            }
                          },
                          "storageClassName": "fast",
                          "volumeMode": "Block"
                        }
                      }
                    }
                  },
                  {
                    "name": "nfs",
                    "nfs": {
                      "server": "10.0.0.1",
                      "path": "/exports",
                      "readOnly": true
                    }
                  },
                  {
                    "name": "img",
                    "image": {
                      "reference": "busybox",
                      "pullPolicy": "Always"
                    }
                  }
                ],
                "initContainers": [
                  {
                    "name": "init",
                    "image": "busybox",
                    "command": [
                      "sh",
                      "-c",
                      "true"
                    ],
                    "resources": {},
                    "restartPolicy": "Always"
                  }
                ],
                "containers": [
                  {
                    "name": "main",
                    "image": "busybox:1.36",
                    "command": [
                      "sh"
                    ],
                    "args": [
                      "-c",
                      "sleep 1"
                    ],
                    "workingDir": "/w",
                    "ports": [
                      {
                        "name": "http",
                        "containerPort": 8080,
                        "protocol": "TCP"
                      },
                      {
                        "hostPort": 5353,
                        "containerPort": 53,
                        "protocol": "UDP",
                        "hostIP": "127.0.0.1"
                      }
                    ],
                    "envFrom": [
                      {
                        "prefix": "CFG_",
                        "configMapRef": {
                          "name": "cfg",
                          "optional": true
                        }
                      },
                      {
                        "secretRef": {
                          "name": "sec"
                        }
                      }
                    ],
                    "env": [
                      {
                        "name": "PLAIN",
                        "value": "v"
                      },
                      {
                        "name": "EMPTY"
                      },
                      {
                        "name": "NODE",
                        "valueFrom": {
                          "fieldRef": {
                            "apiVersion": "v1",
                            "fieldPath": "spec.nodeName"
                          }
                        }
                      },
                      {
                        "name": "MEM",
                        "valueFrom": {
                          "resourceFieldRef": {
                            "containerName": "main",
                            "resource": "limits.memory",
                            "divisor": "1Mi"
                          }
                        }
                      },
                      {
                        "name": "PW",
                        "valueFrom": {
                          "secretKeyRef": {
                            "name": "sec",
                            "key": "pw",
                            "optional": false
                          }
                        }
                      },
                      {
                        "name": "C",
                        "valueFrom": {
                          "configMapKeyRef": {
                            "name": "cfg",
                            "key": "c"
                          }
                        }
                      }
                    ],
                    "resources": {
                      "limits": {
                        "cpu": "500m",
                        "memory": "128Mi"
                      },
                      "requests": {
                        "cpu": "100m",
                        "ephemeral-storage": "1Gi",
                        "memory": "64Mi"
                      },
                      "claims": [
                        {
                          "name": "gpu",
                          "request": "r1"
                        }
                      ]
                    },
                    "resizePolicy": [
                      {
                        "resourceName": "cpu",
                        "restartPolicy": "NotRequired"
                      }
                    ],
                    "volumeMounts": [
                      {
                        "name": "scratch",
                        "mountPath": "/scratch"
                      },
                      {
                        "name": "cfg",
                        "readOnly": true,
                        "recursiveReadOnly": "Disabled",
                        "mountPath": "/etc/cfg",
                        "subPath": "x",
                        "mountPropagation": "HostToContainer"
                      }
                    ],
                    "volumeDevices": [
                      {
                        "name": "blk",
                        "devicePath": "/dev/xvda"
                      }
                    ],
                    "livenessProbe": {
                      "tcpSocket": {
                        "port": 8080
                      },
                      "initialDelaySeconds": 5,
                      "timeoutSeconds": 2,
                      "periodSeconds": 10,
                      "successThreshold": 1,
                      "failureThreshold": 3,
                      "terminationGracePeriodSeconds": 7
                    },
                    "readinessProbe": {
                      "httpGet": {
                        "path": "/ready",
                        "port": "http",
                        "host": "localhost",
                        "scheme": "HTTPS",
                        "httpHeaders": [
                          {
                            "name": "X-A",
                            "value": "b"
                          }
                        ]
                      },
                      "periodSeconds": 3
                    },
                    "startupProbe": {
                      "grpc": {
                        "port": 9090,
                        "service": "health"
                      },
                      "failureThreshold": 30
                    },
                    "lifecycle": {
                      "postStart": {
                        "exec": {
                          "command": [
                            "echo",
                            "up"
                          ]
                        }
                      },
                      "preStop": {
                        "sleep": {
                          "seconds": 5
                        }
                      },
                      "stopSignal": "SIGTERM"
                    },
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "FallbackToLogsOnError",
                    "imagePullPolicy": "IfNotPresent",
                    "securityContext": {
                      "capabilities": {
                        "add": [
                          "NET_ADMIN"
                        ],
                        "drop": [
                          "ALL"
                        ]
                      },
                      "privileged": false,
                      "seLinuxOptions": {
                        "level": "s0:c1"
                      },
                      "windowsOptions": {
                        "runAsUserName": "u",
                        "hostProcess": false
                      },
                      "runAsUser": 1000,
                      "runAsGroup": 0,
                      "runAsNonRoot": true,
                      "readOnlyRootFilesystem": false,
                      "allowPrivilegeEscalation": false,
                      "procMount": "Default",
                      "seccompProfile": {
                        "type": "RuntimeDefault"
                      },
                      "appArmorProfile": {
                        "type": "Localhost",
                        "localhostProfile": "p"
                      }
                    },
                    "stdin": true,
                    "tty": true
                  }
                ],
                "restartPolicy": "Never",
                "terminationGracePeriodSeconds": 0,
                "activeDeadlineSeconds": 300,
                "dnsPolicy": "None",
                "nodeSelector": {
                  "disk": "ssd"
                },
                "serviceAccountName": "sa1",
                "automountServiceAccountToken": false,
                "hostNetwork": true,
                "shareProcessNamespace": true,
                "securityContext": {
                  "runAsUser": 0,
                  "supplementalGroups": [
                    1,
                    2,
                    3
                  ],
                  "supplementalGroupsPolicy": "Strict",
                  "fsGroup": 2000,
                  "sysctls": [
                    {
                      "name": "net.core.somaxconn",
                      "value": "1024"
                    }
                  ],
                  "fsGroupChangePolicy": "OnRootMismatch",
                  "seccompProfile": {
                    "type": "Localhost",
                    "localhostProfile": "prof.json"
                  },
                  "seLinuxChangePolicy": "MountOption"
                },
                "imagePullSecrets": [
                  {
                    "name": "reg"
                  }
                ],
                "hostname": "h",
                "subdomain": "s",
                "affinity": {
                  "nodeAffinity": {
                    "requiredDuringSchedulingIgnoredDuringExecution": {
                      "nodeSelectorTerms": [
                        {
                          "matchExpressions": [
                            {
                              "key": "zone",
                              "operator": "In",
                              "values": [
                                "a",
                                "b"
                              ]
                            }
                          ],
                          "matchFields": [
                            {
                              "key": "metadata.name",
                              "operator": "NotIn",
                              "values": [
                                "n1"
                              ]
                            }
                          ]
                        }
                      ]
                    },
                    "preferredDuringSchedulingIgnoredDuringExecution": [
                      {
                        "weight": 10,
                        "preference": {
                          "matchExpressions": [
                            {
                              "key": "gpu",
                              "operator": "Exists"
                            }
                          ]
                        }
                      }
                    ]
                  },
                  "podAffinity": {
                    "requiredDuringSchedulingIgnoredDuringExecution": [
                      {
                        "labelSelector": {
                          "matchLabels": {
                            "app": "db"
                          }
                        },
                        "namespaces": [
                          "x"
                        ],
                        "topologyKey": "kubernetes.io/hostname",
                        "namespaceSelector": {},
                        "matchLabelKeys": [
                          "pod-template-hash"
                        ]
                      }
                    ]
                  },
                  "podAntiAffinity": {
                    "preferredDuringSchedulingIgnoredDuringExecution": [
                      {
                        "weight": 100,
                        "podAffinityTerm": {
                          "labelSelector": {
                            "matchExpressions": [
                              {
                                "key": "app",
                                "operator": "In",
                                "values": [
                                  "web"
                                ]
                              }
                            ]
                          },
                          "topologyKey": "zone",
                          "mismatchLabelKeys": [
                            "k"
                          ]
                        }
                      }
                    ]
                  }
                },
                "schedulerName": "default-scheduler",
                "tolerations": [
                  {
                    "key": "k",
                    "operator": "Equal",
                    "value": "v",
                    "effect": "NoExecute",
                    "tolerationSeconds": 60
                  },
                  {
                    "operator": "Exists"
                  }
                ],
                "hostAliases": [
                  {
                    "ip": "10.1.1.1",
                    "hostnames": [
                      "a.local",
                      "b.local"
                    ]
                  }
                ],
                "priorityClassName": "high",
                "priority": 0,
                "dnsConfig": {
                  "nameservers": [
                    "1.1.1.1"
                  ],
                  "searches": [
                    "svc.local"
                  ],
                  "options": [
                    {
                      "name": "ndots",
                      "value": "2"
                    },
                    {
                      "name": "edns0"
                    }
                  ]
                },
                "readinessGates": [
                  {
                    "conditionType": "x.io/ready"
                  }
                ],
                "runtimeClassName": "runc",
                "enableServiceLinks": false,
                "preemptionPolicy": "Never",
                "overhead": {
                  "cpu": "10m"
                },
                "topologySpreadConstraints": [
                  {
                    "maxSkew": 1,
                    "topologyKey": "zone",
                    "whenUnsatisfiable": "DoNotSchedule",
                    "labelSelector": {
                      "matchLabels": {
                        "job": "rich"
                      }
                    },
                    "minDomains": 2,
                    "nodeAffinityPolicy": "Honor",
                    "nodeTaintsPolicy": "Ignore",
                    "matchLabelKeys": [
                      "a"
                    ]
                  }
                ],
                "setHostnameAsFQDN": false,
                "os": {
                  "name": "linux"
                },
                "hostUsers": false,
                "schedulingGates": [
                  {
                    "name": "g"
                  }
                ],
                "resourceClaims": [
                  {
                    "name": "gpu",
                    "resourceClaimTemplateName": "tmpl"
                  }
                ],
                "resources": {
                  "limits": {
                    "cpu": "1"
                  }
                }
              }
            },
            "ttlSecondsAfterFinished": 100,
            "completionMode": "Indexed",
            "suspend": false,
            "podReplacementPolicy": "Failed"
          },
          "status": {}
        }
        """);
}
