using k8s;
using KubeSharp.ApiMachinery.Defaulting;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiMachinery.Tests.Validation;

/// <summary>
/// Objects as kubectl 1.32's generators send them (create/run/expose), after the API server has set namespace and
/// UID: defaulting then validation must accept every one. Guards against false rejections of real clients.
/// </summary>
public class KubectlObjectsTests
{
    public static TheoryData<string, string> Objects => new()
    {
        { "kubectl run", """
            apiVersion: v1
            kind: Pod
            metadata: {name: nginx, namespace: default, labels: {run: nginx}}
            spec:
              containers:
              - name: nginx
                image: nginx
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Always
            status: {}
            """ },
        { "kubectl create deployment", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              strategy: {}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports: [{containerPort: 80}]
                    resources: {}
            status: {}
            """ },
        { "kubectl expose", """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec:
              ports: [{port: 80, protocol: TCP, targetPort: 80}]
              selector: {app: web}
            status: {loadBalancer: {}}
            """ },
        { "kubectl create service nodeport", """
            apiVersion: v1
            kind: Service
            metadata: {name: np, namespace: default, labels: {app: np}}
            spec:
              ports: [{name: 8080-80, port: 8080, protocol: TCP, targetPort: 80}]
              selector: {app: np}
              type: NodePort
            """ },
        { "kubectl create job", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: pi, namespace: default, uid: 6f1c1b8e-0000-4000-8000-000000000001}
            spec:
              template:
                metadata: {}
                spec:
                  containers:
                  - name: pi
                    image: perl:5.34
                    command: [perl, -Mbignum=bpi, -wle, print bpi(200)]
                    resources: {}
                  restartPolicy: Never
            """ },
        { "kubectl create cronjob", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: hello, namespace: default}
            spec:
              schedule: "*/1 * * * *"
              jobTemplate:
                metadata: {name: hello}
                spec:
                  template:
                    spec:
                      containers: [{name: hello, image: busybox, resources: {}}]
                      restartPolicy: OnFailure
            """ },
        { "kubectl create secret tls", """
            apiVersion: v1
            kind: Secret
            metadata: {name: tls, namespace: default}
            type: kubernetes.io/tls
            data: {tls.crt: Y2VydA==, tls.key: a2V5}
            """ },
        { "kubectl create secret docker-registry", """
            apiVersion: v1
            kind: Secret
            metadata: {name: regcred, namespace: default}
            type: kubernetes.io/dockerconfigjson
            data: {.dockerconfigjson: eyJhdXRocyI6e319}
            """ },
        { "kubectl create configmap", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config, namespace: default}
            data: {app.properties: "a=1", LOG_LEVEL: debug}
            """ },
        { "kubectl create namespace", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: team-a}
            spec: {}
            status: {}
            """ },
        { "kubectl create priorityclass", """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: {name: high}
            value: 1000
            globalDefault: false
            description: high priority
            """ },
        { "kubectl create quota", """
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: q, namespace: default}
            spec: {hard: {cpu: "1", memory: 1G, pods: "2", services.nodeports: "0"}}
            """ },
        { "statefulset with claim templates", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: default}
            spec:
              serviceName: db
              replicas: 2
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres:16
                    volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
                    readinessProbe: {exec: {command: [pg_isready]}}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """ },
        { "daemonset with hostPath and tolerations", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: kube-system}
            spec:
              selector: {matchLabels: {name: agent}}
              template:
                metadata: {labels: {name: agent}}
                spec:
                  tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
                  containers:
                  - name: agent
                    image: registry.k8s.io/pause:3.10
                    env:
                    - name: NODE_NAME
                      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                    livenessProbe: {httpGet: {port: 8080}, initialDelaySeconds: 5}
                    resources: {limits: {memory: 200Mi}, requests: {cpu: 100m, memory: 200Mi}}
                    volumeMounts: [{name: varlog, mountPath: /var/log}]
                  volumes: [{name: varlog, hostPath: {path: /var/log}}]
            """ },
        { "pod with configmap and secret volumes", """
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: default}
            spec:
              initContainers: [{name: init, image: busybox:1.36, command: [sh, -c, "true"]}]
              containers:
              - name: app
                image: ghcr.io/example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                envFrom: [{configMapRef: {name: app-config}}]
                volumeMounts:
                - {name: cfg, mountPath: /etc/app}
                - {name: creds, mountPath: /etc/creds, readOnly: true}
                - {name: scratch, mountPath: /tmp}
              volumes:
              - {name: cfg, configMap: {name: app-config}}
              - {name: creds, secret: {secretName: app-creds}}
              - {name: scratch}
            """ },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void AreAccepted(string name, string yaml)
    {
        Assert.NotEmpty(name);
        var obj = KubernetesYaml.LoadAllFromString(yaml).Single();
        Defaulter.Apply(obj);
        if (obj is k8s.Models.V1Pod pod)
        {
            PodAdmissionDefaults.AddDefaultTolerations(pod);
        }
        Assert.Empty(Validator.ValidateCreate(obj).Select(e => e.ToString()));
    }
}
