namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// core/v1: Container and what it references (env, probes, lifecycle, security context, resources).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string CoreV1Containers = """
        syntax = "proto2";

        package k8s.io.api.core.v1;

        import "kubesharp/options.proto";

        message AppArmorProfile {
          optional string type = 1;
          optional string localhostProfile = 2;
        }

        message Capabilities {
          repeated string add = 1;
          repeated string drop = 2;
        }

        message ConfigMapEnvSource {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          optional bool optional = 2;
        }

        message ConfigMapKeySelector {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          optional string key = 2;
          optional bool optional = 3;
        }

        message Container {
          optional string name = 1;
          optional string image = 2 [(kubesharp.omitempty) = true];
          repeated string command = 3;
          repeated string args = 4;
          optional string workingDir = 5 [(kubesharp.omitempty) = true];
          repeated ContainerPort ports = 6;
          repeated EnvVar env = 7;
          optional ResourceRequirements resources = 8;
          repeated VolumeMount volumeMounts = 9;
          optional Probe livenessProbe = 10;
          optional Probe readinessProbe = 11;
          optional Lifecycle lifecycle = 12;
          optional string terminationMessagePath = 13 [(kubesharp.omitempty) = true];
          optional string imagePullPolicy = 14 [(kubesharp.omitempty) = true];
          optional SecurityContext securityContext = 15;
          optional bool stdin = 16 [(kubesharp.omitempty) = true];
          optional bool stdinOnce = 17 [(kubesharp.omitempty) = true];
          optional bool tty = 18 [(kubesharp.omitempty) = true];
          repeated EnvFromSource envFrom = 19;
          optional string terminationMessagePolicy = 20 [(kubesharp.omitempty) = true];
          repeated VolumeDevice volumeDevices = 21;
          optional Probe startupProbe = 22;
          repeated ContainerResizePolicy resizePolicy = 23;
          optional string restartPolicy = 24;
          repeated ContainerRestartRule restartPolicyRules = 25;
        }

        message ContainerExtendedResourceRequest {
          optional string containerName = 1;
          optional string resourceName = 2;
          optional string requestName = 3;
        }

        message ContainerPort {
          optional string name = 1 [(kubesharp.omitempty) = true];
          optional int32 hostPort = 2 [(kubesharp.omitempty) = true];
          optional int32 containerPort = 3;
          optional string protocol = 4 [(kubesharp.omitempty) = true];
          optional string hostIP = 5 [(kubesharp.omitempty) = true];
        }

        message ContainerResizePolicy {
          optional string resourceName = 1;
          optional string restartPolicy = 2;
        }

        message ContainerRestartRule {
          optional string action = 1 [(kubesharp.omitempty) = true];
          optional ContainerRestartRuleOnExitCodes exitCodes = 2;
        }

        message ContainerRestartRuleOnExitCodes {
          optional string operator = 1 [(kubesharp.omitempty) = true];
          repeated int32 values = 2;
        }

        message ContainerState {
          optional ContainerStateWaiting waiting = 1;
          optional ContainerStateRunning running = 2;
          optional ContainerStateTerminated terminated = 3;
        }

        message ContainerStateRunning {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time startedAt = 1;
        }

        message ContainerStateTerminated {
          optional int32 exitCode = 1;
          optional int32 signal = 2 [(kubesharp.omitempty) = true];
          optional string reason = 3 [(kubesharp.omitempty) = true];
          optional string message = 4 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time startedAt = 5;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time finishedAt = 6;
          optional string containerID = 7 [(kubesharp.omitempty) = true];
        }

        message ContainerStateWaiting {
          optional string reason = 1 [(kubesharp.omitempty) = true];
          optional string message = 2 [(kubesharp.omitempty) = true];
        }

        message ContainerStatus {
          optional string name = 1;
          optional ContainerState state = 2;
          optional ContainerState lastState = 3;
          optional bool ready = 4;
          optional int32 restartCount = 5;
          optional string image = 6;
          optional string imageID = 7;
          optional string containerID = 8 [(kubesharp.omitempty) = true];
          optional bool started = 9;
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> allocatedResources = 10;
          optional ResourceRequirements resources = 11;
          repeated VolumeMountStatus volumeMounts = 12;
          optional ContainerUser user = 13;
          repeated ResourceStatus allocatedResourcesStatus = 14;
          optional string stopSignal = 15;
        }

        message ContainerUser {
          optional LinuxContainerUser linux = 1;
        }

        message EnvFromSource {
          optional string prefix = 1 [(kubesharp.omitempty) = true];
          optional ConfigMapEnvSource configMapRef = 2;
          optional SecretEnvSource secretRef = 3;
        }

        message EnvVar {
          optional string name = 1;
          optional string value = 2 [(kubesharp.omitempty) = true];
          optional EnvVarSource valueFrom = 3;
        }

        message EnvVarSource {
          optional ObjectFieldSelector fieldRef = 1;
          optional ResourceFieldSelector resourceFieldRef = 2;
          optional ConfigMapKeySelector configMapKeyRef = 3;
          optional SecretKeySelector secretKeyRef = 4;
          optional FileKeySelector fileKeyRef = 5;
        }

        message EphemeralContainer {
          optional EphemeralContainerCommon ephemeralContainerCommon = 1 [(kubesharp.inline) = true];
          optional string targetContainerName = 2 [(kubesharp.omitempty) = true];
        }

        message EphemeralContainerCommon {
          optional string name = 1;
          optional string image = 2 [(kubesharp.omitempty) = true];
          repeated string command = 3;
          repeated string args = 4;
          optional string workingDir = 5 [(kubesharp.omitempty) = true];
          repeated ContainerPort ports = 6;
          repeated EnvVar env = 7;
          optional ResourceRequirements resources = 8;
          repeated VolumeMount volumeMounts = 9;
          optional Probe livenessProbe = 10;
          optional Probe readinessProbe = 11;
          optional Lifecycle lifecycle = 12;
          optional string terminationMessagePath = 13 [(kubesharp.omitempty) = true];
          optional string imagePullPolicy = 14 [(kubesharp.omitempty) = true];
          optional SecurityContext securityContext = 15;
          optional bool stdin = 16 [(kubesharp.omitempty) = true];
          optional bool stdinOnce = 17 [(kubesharp.omitempty) = true];
          optional bool tty = 18 [(kubesharp.omitempty) = true];
          repeated EnvFromSource envFrom = 19;
          optional string terminationMessagePolicy = 20 [(kubesharp.omitempty) = true];
          repeated VolumeDevice volumeDevices = 21;
          optional Probe startupProbe = 22;
          repeated ContainerResizePolicy resizePolicy = 23;
          optional string restartPolicy = 24;
          repeated ContainerRestartRule restartPolicyRules = 25;
        }

        message ExecAction {
          repeated string command = 1;
        }

        message FileKeySelector {
          optional string volumeName = 1;
          optional string path = 2;
          optional string key = 3;
          optional bool optional = 4;
        }

        message GRPCAction {
          optional int32 port = 1;
          optional string service = 2;
        }

        message HTTPGetAction {
          optional string path = 1 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString port = 2;
          optional string host = 3 [(kubesharp.omitempty) = true];
          optional string scheme = 4 [(kubesharp.omitempty) = true];
          repeated HTTPHeader httpHeaders = 5;
        }

        message HTTPHeader {
          optional string name = 1;
          optional string value = 2;
        }

        message Lifecycle {
          optional LifecycleHandler postStart = 1;
          optional LifecycleHandler preStop = 2;
          optional string stopSignal = 3;
        }

        message LifecycleHandler {
          optional ExecAction exec = 1;
          optional HTTPGetAction httpGet = 2;
          optional TCPSocketAction tcpSocket = 3;
          optional SleepAction sleep = 4;
        }

        message LinuxContainerUser {
          optional int64 uid = 1;
          optional int64 gid = 2;
          repeated int64 supplementalGroups = 3;
        }

        message ObjectFieldSelector {
          optional string apiVersion = 1 [(kubesharp.omitempty) = true];
          optional string fieldPath = 2;
        }

        message PodResourceClaim {
          optional string name = 1;
          optional string resourceClaimName = 3;
          optional string resourceClaimTemplateName = 4;
        }

        message PodSecurityContext {
          optional SELinuxOptions seLinuxOptions = 1;
          optional int64 runAsUser = 2;
          optional bool runAsNonRoot = 3;
          repeated int64 supplementalGroups = 4;
          optional int64 fsGroup = 5;
          optional int64 runAsGroup = 6;
          repeated Sysctl sysctls = 7;
          optional WindowsSecurityContextOptions windowsOptions = 8;
          optional string fsGroupChangePolicy = 9;
          optional SeccompProfile seccompProfile = 10;
          optional AppArmorProfile appArmorProfile = 11;
          optional string supplementalGroupsPolicy = 12;
          optional string seLinuxChangePolicy = 13;
        }

        message Probe {
          optional ProbeHandler handler = 1 [(kubesharp.inline) = true];
          optional int32 initialDelaySeconds = 2 [(kubesharp.omitempty) = true];
          optional int32 timeoutSeconds = 3 [(kubesharp.omitempty) = true];
          optional int32 periodSeconds = 4 [(kubesharp.omitempty) = true];
          optional int32 successThreshold = 5 [(kubesharp.omitempty) = true];
          optional int32 failureThreshold = 6 [(kubesharp.omitempty) = true];
          optional int64 terminationGracePeriodSeconds = 7;
        }

        message ProbeHandler {
          optional ExecAction exec = 1;
          optional HTTPGetAction httpGet = 2;
          optional TCPSocketAction tcpSocket = 3;
          optional GRPCAction grpc = 4;
        }

        message ResourceClaim {
          optional string name = 1;
          optional string request = 2 [(kubesharp.omitempty) = true];
        }

        message ResourceFieldSelector {
          optional string containerName = 1 [(kubesharp.omitempty) = true];
          optional string resource = 2;
          optional .k8s.io.apimachinery.pkg.api.resource.Quantity divisor = 3;
        }

        message ResourceHealth {
          optional string resourceID = 1;
          optional string health = 2 [(kubesharp.omitempty) = true];
        }

        message ResourceRequirements {
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 1;
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> requests = 2;
          repeated ResourceClaim claims = 3;
        }

        message ResourceStatus {
          optional string name = 1;
          repeated ResourceHealth resources = 2;
        }

        message SELinuxOptions {
          optional string user = 1 [(kubesharp.omitempty) = true];
          optional string role = 2 [(kubesharp.omitempty) = true];
          optional string type = 3 [(kubesharp.omitempty) = true];
          optional string level = 4 [(kubesharp.omitempty) = true];
        }

        message SeccompProfile {
          optional string type = 1;
          optional string localhostProfile = 2;
        }

        message SecretEnvSource {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          optional bool optional = 2;
        }

        message SecretKeySelector {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          optional string key = 2;
          optional bool optional = 3;
        }

        message SecurityContext {
          optional Capabilities capabilities = 1;
          optional bool privileged = 2;
          optional SELinuxOptions seLinuxOptions = 3;
          optional int64 runAsUser = 4;
          optional bool runAsNonRoot = 5;
          optional bool readOnlyRootFilesystem = 6;
          optional bool allowPrivilegeEscalation = 7;
          optional int64 runAsGroup = 8;
          optional string procMount = 9;
          optional WindowsSecurityContextOptions windowsOptions = 10;
          optional SeccompProfile seccompProfile = 11;
          optional AppArmorProfile appArmorProfile = 12;
        }

        message SleepAction {
          optional int64 seconds = 1;
        }

        message TCPSocketAction {
          optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString port = 1;
          optional string host = 2 [(kubesharp.omitempty) = true];
        }

        message VolumeDevice {
          optional string name = 1;
          optional string devicePath = 2;
        }

        message VolumeMount {
          optional string name = 1;
          optional bool readOnly = 2 [(kubesharp.omitempty) = true];
          optional string mountPath = 3;
          optional string subPath = 4 [(kubesharp.omitempty) = true];
          optional string mountPropagation = 5;
          optional string subPathExpr = 6 [(kubesharp.omitempty) = true];
          optional string recursiveReadOnly = 7;
        }

        message VolumeMountStatus {
          optional string name = 1;
          optional string mountPath = 2;
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
          optional string recursiveReadOnly = 4;
        }

        message VolumeResourceRequirements {
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 1;
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> requests = 2;
        }

        message WindowsSecurityContextOptions {
          optional string gmsaCredentialSpecName = 1;
          optional string gmsaCredentialSpec = 2;
          optional string runAsUserName = 3;
          optional bool hostProcess = 4;
        }
        """;
}
