using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiMachinery.Tests.Serialization;

/// <summary>
/// Realistic API objects of every kind the generated context lists, as the API server and kubectl send them:
/// quantities in every notation, int-or-string as number and as string, metav1.Time with and without fractions,
/// MicroTime, base64 data, free-form managedFields, empty lists/maps, characters the relaxed encoder keeps.
/// </summary>
internal static class WireCorpus
{
    public const string Metadata = """
        {"name":"web-0","generateName":"web-","namespace":"prod","uid":"5f0c7c1e-1d7a-4d2b-9b51-0c2f1d7e8a90",
         "resourceVersion":"123456","generation":3,"creationTimestamp":"2024-01-02T03:04:05Z",
         "deletionTimestamp":"2024-01-02T03:14:05.5Z","deletionGracePeriodSeconds":30,
         "labels":{"app":"web","tier":"front-end"},
         "annotations":{"note":"a <b> & 'c' \"d\" é ✓ \u00e9","kubectl.kubernetes.io/last-applied-configuration":"{\"x\":1}\n"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"web","uid":"0a0b","controller":true,"blockOwnerDeletion":true}],
         "finalizers":[],
         "managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2024-01-02T03:04:05Z",
           "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{}}}}}}]}
        """;

    private const string Probe = """
        {"httpGet":{"path":"/healthz","port":8080,"scheme":"HTTP","httpHeaders":[{"name":"X-A","value":"b"}]},
         "initialDelaySeconds":5,"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3}
        """;

    public static readonly string Pod = """
        {"apiVersion":"v1","kind":"Pod","metadata":%METADATA%,
         "spec":{
          "initContainers":[{"name":"init","image":"busybox:1.36","command":["sh","-c","echo hi > /work/x"],
            "resources":{"limits":{"cpu":"100m","memory":"64Mi"},"requests":{"cpu":"0.05","memory":"32Mi"}},
            "volumeMounts":[{"name":"work","mountPath":"/work"}],"restartPolicy":"Always",
            "startupProbe":{"exec":{"command":["cat","/tmp/ok"]},"failureThreshold":30,"periodSeconds":2}}],
          "containers":[{"name":"app","image":"nginx:1.27","imagePullPolicy":"IfNotPresent","args":["--port","8080"],
            "workingDir":"/srv","ports":[{"name":"http","containerPort":8080,"protocol":"TCP"},{"containerPort":9090,"hostPort":19090,"hostIP":"0.0.0.0"}],
            "env":[{"name":"A","value":"1"},{"name":"POD_IP","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"status.podIP"}}},
                   {"name":"LIMIT","valueFrom":{"resourceFieldRef":{"containerName":"app","resource":"limits.memory","divisor":"1Mi"}}},
                   {"name":"CM","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"k","optional":true}}},
                   {"name":"S","valueFrom":{"secretKeyRef":{"name":"sec","key":"password"}}}],
            "envFrom":[{"prefix":"CFG_","configMapRef":{"name":"cfg"}},{"secretRef":{"name":"sec","optional":false}}],
            "resources":{"limits":{"cpu":"1.5","memory":"1Gi","ephemeral-storage":"2G","nvidia.com/gpu":"1"},"requests":{"cpu":"250m","memory":"512Mi","hugepages-2Mi":"0"}},
            "livenessProbe":%PROBE%,
            "readinessProbe":{"tcpSocket":{"port":"http"},"periodSeconds":5},
            "lifecycle":{"postStart":{"exec":{"command":["sh","-c","true"]}},"preStop":{"httpGet":{"path":"/quit","port":"http"}}},
            "securityContext":{"runAsUser":1000,"runAsGroup":3000,"runAsNonRoot":true,"readOnlyRootFilesystem":true,
              "allowPrivilegeEscalation":false,"privileged":false,"capabilities":{"add":["NET_BIND_SERVICE"],"drop":["ALL"]},
              "seccompProfile":{"type":"RuntimeDefault"},"seLinuxOptions":{"level":"s0:c123,c456"}},
            "volumeMounts":[{"name":"work","mountPath":"/work","readOnly":true},{"name":"cfg","mountPath":"/etc/cfg","subPath":"app.conf"},
                            {"name":"host","mountPath":"/host","mountPropagation":"HostToContainer"}],
            "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"FallbackToLogsOnError","stdin":false,"tty":false}],
          "volumes":[
            {"name":"work","emptyDir":{"medium":"Memory","sizeLimit":"128Mi"}},
            {"name":"empty","emptyDir":{}},
            {"name":"cfg","configMap":{"name":"cfg","items":[{"key":"app.conf","path":"app.conf","mode":420}],"defaultMode":420,"optional":true}},
            {"name":"sec","secret":{"secretName":"sec","defaultMode":256}},
            {"name":"host","hostPath":{"path":"/var/log","type":"DirectoryOrCreate"}},
            {"name":"data","persistentVolumeClaim":{"claimName":"data-web-0","readOnly":false}},
            {"name":"dapi","downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}},
              {"path":"cpu","resourceFieldRef":{"containerName":"app","resource":"requests.cpu","divisor":"1m"}}]}},
            {"name":"proj","projected":{"defaultMode":420,"sources":[
              {"serviceAccountToken":{"audience":"api","expirationSeconds":3607,"path":"token"}},
              {"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},
              {"downwardAPI":{"items":[{"path":"namespace","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"}}]}},
              {"secret":{"name":"sec"}}]}},
            {"name":"nfs","nfs":{"server":"10.0.0.5","path":"/exports","readOnly":true}},
            {"name":"eph","ephemeral":{"volumeClaimTemplate":{"metadata":{"labels":{"a":"b"}},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}}},
            {"name":"csi","csi":{"driver":"csi.example.com","volumeAttributes":{"k":"v"}}},
            {"name":"img","image":{"reference":"example.com/data:1","pullPolicy":"IfNotPresent"}}],
          "restartPolicy":"Always","terminationGracePeriodSeconds":30,"activeDeadlineSeconds":3600,"dnsPolicy":"ClusterFirst",
          "nodeSelector":{"kubernetes.io/os":"linux"},"serviceAccountName":"web","automountServiceAccountToken":false,
          "nodeName":"node-1","hostNetwork":false,"shareProcessNamespace":true,
          "securityContext":{"fsGroup":2000,"supplementalGroups":[4000],"sysctls":[{"name":"net.core.somaxconn","value":"1024"}]},
          "imagePullSecrets":[{"name":"regcred"}],"hostname":"web-0","subdomain":"web",
          "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a","b"]}]}]}},
            "podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":100,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"web"}},"topologyKey":"kubernetes.io/hostname"}}]}},
          "schedulerName":"default-scheduler",
          "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"operator":"Exists"}],
          "hostAliases":[{"ip":"10.1.2.3","hostnames":["foo.local"]}],"priorityClassName":"high","priority":1000,
          "dnsConfig":{"nameservers":["1.1.1.1"],"searches":["svc.local"],"options":[{"name":"ndots","value":"2"}]},
          "readinessGates":[{"conditionType":"example.com/ready"}],"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority",
          "overhead":{"cpu":"10m"},
          "topologySpreadConstraints":[{"maxSkew":1,"topologyKey":"zone","whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchExpressions":[{"key":"app","operator":"Exists"}]}}]},
         "status":{"phase":"Running",
          "conditions":[{"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2024-01-02T03:04:06Z"},
                        {"type":"Ready","status":"False","lastTransitionTime":"2024-01-02T03:04:09.999Z","reason":"ContainersNotReady","message":"containers with unready status: [app]"}],
          "hostIP":"192.168.1.10","hostIPs":[{"ip":"192.168.1.10"}],"podIP":"10.244.1.7","podIPs":[{"ip":"10.244.1.7"},{"ip":"fd00::7"}],
          "startTime":"2024-01-02T03:04:05Z","qosClass":"Burstable",
          "initContainerStatuses":[{"name":"init","state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2024-01-02T03:04:06Z","finishedAt":"2024-01-02T03:04:07Z","containerID":"containerd://abc"}},
            "lastState":{},"ready":true,"restartCount":0,"image":"docker.io/library/busybox:1.36","imageID":"docker.io/library/busybox@sha256:0123","containerID":"containerd://abc","started":false}],
          "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2024-01-02T03:04:08Z"}},
            "lastState":{"terminated":{"exitCode":137,"signal":9,"reason":"OOMKilled","message":"killed","startedAt":"2024-01-02T03:00:00Z","finishedAt":"2024-01-02T03:04:07Z"}},
            "ready":false,"restartCount":2,"image":"docker.io/library/nginx:1.27","imageID":"docker.io/library/nginx@sha256:4567","containerID":"containerd://def","started":true,
            "allocatedResources":{"cpu":"250m"},"resources":{"requests":{"cpu":"250m"}}},
            {"name":"waiting","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 10s restarting failed container"}},"lastState":{},"ready":false,"restartCount":5,"image":"x","imageID":""}]}}
        """.Replace("%METADATA%", Metadata).Replace("%PROBE%", Probe);

    public const string Node = """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","uid":"n1","resourceVersion":"77","creationTimestamp":"2024-01-01T00:00:00Z",
          "labels":{"kubernetes.io/hostname":"node-1","kubernetes.io/os":"linux"},"annotations":{"node.alpha.kubernetes.io/ttl":"0"}},
         "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24","fd00:1::/64"],"providerID":"kubesharp://node-1",
          "taints":[{"key":"node.kubernetes.io/not-ready","effect":"NoSchedule"},{"key":"dedicated","value":"gpu","effect":"NoExecute","timeAdded":"2024-01-02T03:04:05Z"}],"unschedulable":true},
         "status":{"capacity":{"cpu":"2","memory":"4030780Ki","pods":"110","ephemeral-storage":"61202244Ki","hugepages-1Gi":"0"},
          "allocatable":{"cpu":"1950m","memory":"3.5Gi","pods":"110","ephemeral-storage":"56403987978"},
          "conditions":[{"type":"MemoryPressure","status":"False","lastHeartbeatTime":"2024-01-02T03:04:05Z","lastTransitionTime":"2024-01-01T00:00:10Z","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available"},
                        {"type":"Ready","status":"True","lastHeartbeatTime":"2024-01-02T03:04:05.678901Z","lastTransitionTime":"2024-01-01T00:00:20Z","reason":"KubeletReady","message":"kubelet is posting ready status"}],
          "addresses":[{"type":"InternalIP","address":"192.168.1.10"},{"type":"Hostname","address":"node-1"}],
          "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
          "nodeInfo":{"machineID":"m","systemUUID":"s","bootID":"b","kernelVersion":"6.8.0","osImage":"Ubuntu 24.04","containerRuntimeVersion":"containerd://2.0.0",
            "kubeletVersion":"v1.32.4","kubeProxyVersion":"","operatingSystem":"linux","architecture":"amd64"},
          "images":[{"names":["docker.io/library/nginx@sha256:4567","docker.io/library/nginx:1.27"],"sizeBytes":72000000}],
          "volumesInUse":[],"config":{}}}
        """;

    public const string Lease = """
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"node-1","namespace":"kube-node-lease","resourceVersion":"9",
          "ownerReferences":[{"apiVersion":"v1","kind":"Node","name":"node-1","uid":"n1"}]},
         "spec":{"holderIdentity":"node-1","leaseDurationSeconds":40,"acquireTime":"2024-01-02T03:00:00.000000Z",
          "renewTime":"2024-01-02T03:04:05.123456Z","leaseTransitions":2}}
        """;

    public const string Event = """
        {"apiVersion":"v1","kind":"Event","metadata":{"name":"web-0.17a8b9c0d1e2f3a4","namespace":"prod","resourceVersion":"5"},
         "involvedObject":{"kind":"Pod","namespace":"prod","name":"web-0","uid":"5f0c","apiVersion":"v1","resourceVersion":"123456","fieldPath":"spec.containers{app}"},
         "reason":"BackOff","message":"Back-off restarting failed container app in pod web-0_prod(5f0c)","source":{"component":"kubelet","host":"node-1"},
         "firstTimestamp":"2024-01-02T03:04:05Z","lastTimestamp":"2024-01-02T03:09:05.25Z","count":7,"type":"Warning",
         "eventTime":"2024-01-02T03:04:05.654321Z","series":{"count":3,"lastObservedTime":"2024-01-02T03:09:05.000001Z"},
         "action":"Restart","related":{"kind":"Node","name":"node-1"},"reportingComponent":"kubelet","reportingInstance":"node-1"}
        """;

    public const string ConfigMap = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","namespace":"prod","labels":{}},
         "data":{"app.conf":"listen 8080;\nroot /srv;\n","empty":""},"binaryData":{"blob":"AAECAwQ="},"immutable":false}
        """;

    public const string Secret = """
        {"apiVersion":"v1","kind":"Secret","metadata":{"name":"sec","namespace":"prod"},"type":"kubernetes.io/dockerconfigjson",
         "data":{".dockerconfigjson":"eyJhdXRocyI6e319","password":"czNjcjN0"},"immutable":true}
        """;

    public const string Service = """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"prod","annotations":{"a":"b"}},
         "spec":{"type":"LoadBalancer","selector":{"app":"web"},"clusterIP":"10.96.0.12","clusterIPs":["10.96.0.12","fd00:96::12"],
          "ipFamilies":["IPv4","IPv6"],"ipFamilyPolicy":"PreferDualStack",
          "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080,"nodePort":30080},
                   {"name":"https","protocol":"TCP","port":443,"targetPort":"https","appProtocol":"https"},
                   {"name":"dns","protocol":"UDP","port":53,"targetPort":"53"}],
          "sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":10800}},
          "externalTrafficPolicy":"Local","healthCheckNodePort":31000,"internalTrafficPolicy":"Cluster",
          "externalIPs":["203.0.113.5"],"loadBalancerSourceRanges":[],"publishNotReadyAddresses":false,"allocateLoadBalancerNodePorts":true},
         "status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10","ipMode":"VIP","ports":[{"port":80,"protocol":"TCP"}]}]},
          "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2024-01-02T03:04:05Z","reason":"Ok","message":"","observedGeneration":1}]}}
        """;

    public const string EndpointSlice = """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"web-abc12","namespace":"prod","generateName":"web-",
          "labels":{"kubernetes.io/service-name":"web","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"}},
         "addressType":"IPv4",
         "endpoints":[{"addresses":["10.244.1.7"],"conditions":{"ready":true,"serving":true,"terminating":false},"hostname":"web-0",
           "targetRef":{"kind":"Pod","namespace":"prod","name":"web-0","uid":"5f0c"},"nodeName":"node-1","zone":"a","hints":{"forZones":[{"name":"a"}]}},
          {"addresses":["10.244.2.9"],"conditions":{"ready":false}}],
         "ports":[{"name":"http","protocol":"TCP","port":8080},{"name":"","port":53,"protocol":"UDP","appProtocol":"dns"}]}
        """;

    public const string DeleteOptions = """
        {"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,"preconditions":{"uid":"5f0c","resourceVersion":"123456"},
         "propagationPolicy":"Background","dryRun":["All"],"orphanDependents":false}
        """;

    public const string Status = """
        {"kind":"Status","apiVersion":"v1","metadata":{"resourceVersion":"12"},"status":"Failure",
         "message":"pods \"web-0\" is forbidden: unable to validate against any security policy: [<nil>]","reason":"Forbidden",
         "details":{"name":"web-0","kind":"pods","uid":"5f0c","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \"x\"","field":"spec.containers[0].image"}],"retryAfterSeconds":3},
         "code":403}
        """;

    /// <summary>A list as the API server writes it: continue token, resourceVersion, remaining count.</summary>
    public static string List(string kind, string apiVersion, params string[] items) =>
        "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\"," +
        "\"metadata\":{\"resourceVersion\":\"123460\",\"continue\":\"eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzNDYwfQ\",\"remainingItemCount\":17}," +
        "\"items\":[" + string.Join(",", items) + "]}";

    /// <summary>Every corpus document with the type it is read as.</summary>
    public static IEnumerable<(string Name, Type Type, string Json)> All()
    {
        yield return ("pod", typeof(V1Pod), Pod);
        yield return ("node", typeof(V1Node), Node);
        yield return ("lease", typeof(V1Lease), Lease);
        yield return ("event", typeof(Corev1Event), Event);
        yield return ("configmap", typeof(V1ConfigMap), ConfigMap);
        yield return ("secret", typeof(V1Secret), Secret);
        yield return ("service", typeof(V1Service), Service);
        yield return ("endpointslice", typeof(V1EndpointSlice), EndpointSlice);
        yield return ("deleteoptions", typeof(V1DeleteOptions), DeleteOptions);
        yield return ("podlist", typeof(V1PodList), List("PodList", "v1", Pod, Pod));
        yield return ("podlist-empty", typeof(V1PodList), List("PodList", "v1"));
        yield return ("objectlist-pod", typeof(ObjectList<V1Pod>), List("PodList", "v1", Pod));
        yield return ("objectlist-node", typeof(ObjectList<V1Node>), List("NodeList", "v1", Node));
        yield return ("objectlist-lease", typeof(ObjectList<V1Lease>), List("LeaseList", "coordination.k8s.io/v1", Lease));
        yield return ("objectlist-event", typeof(ObjectList<Corev1Event>), List("EventList", "v1", Event));
        yield return ("objectlist-configmap", typeof(ObjectList<V1ConfigMap>), List("ConfigMapList", "v1", ConfigMap));
        yield return ("objectlist-secret", typeof(ObjectList<V1Secret>), List("SecretList", "v1", Secret));
        yield return ("objectlist-service", typeof(ObjectList<V1Service>), List("ServiceList", "v1", Service));
        yield return ("objectlist-endpointslice", typeof(ObjectList<V1EndpointSlice>), List("EndpointSliceList", "discovery.k8s.io/v1", EndpointSlice));
        yield return ("podstatus", typeof(V1PodStatus), Sub(Pod, "status"));
        yield return ("nodestatus", typeof(V1NodeStatus), Sub(Node, "status"));
        yield return ("prestop", typeof(V1LifecycleHandler), """{"exec":{"command":["/bin/sh","-c","nginx -s quit; sleep 5"]}}""");
    }

    private static string Sub(string json, string property) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)![property]!.ToJsonString();
}
