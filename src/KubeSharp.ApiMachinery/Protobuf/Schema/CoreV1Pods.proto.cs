namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// core/v1: PodSpec, PodStatus and the scheduling parts (affinity, tolerations, topology spread, DNS).
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string CoreV1Pods = """
        syntax = "proto2";

        package k8s.io.api.core.v1;

        import "kubesharp/options.proto";

        message Affinity {
          optional NodeAffinity nodeAffinity = 1;
          optional PodAffinity podAffinity = 2;
          optional PodAntiAffinity podAntiAffinity = 3;
        }

        message HostAlias {
          optional string ip = 1;
          repeated string hostnames = 2;
        }

        message HostIP {
          optional string ip = 1;
        }

        message NodeAffinity {
          optional NodeSelector requiredDuringSchedulingIgnoredDuringExecution = 1;
          repeated PreferredSchedulingTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
        }

        message NodeSelector {
          repeated NodeSelectorTerm nodeSelectorTerms = 1;
        }

        message NodeSelectorRequirement {
          optional string key = 1;
          optional string operator = 2;
          repeated string values = 3;
        }

        message NodeSelectorTerm {
          repeated NodeSelectorRequirement matchExpressions = 1;
          repeated NodeSelectorRequirement matchFields = 2;
        }

        message Pod {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional PodSpec spec = 2;
          optional PodStatus status = 3;
        }

        message PodAffinity {
          repeated PodAffinityTerm requiredDuringSchedulingIgnoredDuringExecution = 1;
          repeated WeightedPodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
        }

        message PodAffinityTerm {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector labelSelector = 1;
          repeated string namespaces = 2;
          optional string topologyKey = 3;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector namespaceSelector = 4;
          repeated string matchLabelKeys = 5;
          repeated string mismatchLabelKeys = 6;
        }

        message PodAntiAffinity {
          repeated PodAffinityTerm requiredDuringSchedulingIgnoredDuringExecution = 1;
          repeated WeightedPodAffinityTerm preferredDuringSchedulingIgnoredDuringExecution = 2;
        }

        message PodCondition {
          optional string type = 1;
          optional string status = 2;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time lastProbeTime = 3;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time lastTransitionTime = 4;
          optional string reason = 5 [(kubesharp.omitempty) = true];
          optional string message = 6 [(kubesharp.omitempty) = true];
          optional int64 observedGeneration = 7 [(kubesharp.omitempty) = true];
        }

        message PodDNSConfig {
          repeated string nameservers = 1;
          repeated string searches = 2;
          repeated PodDNSConfigOption options = 3;
        }

        message PodDNSConfigOption {
          optional string name = 1 [(kubesharp.omitempty) = true];
          optional string value = 2;
        }

        message PodExtendedResourceClaimStatus {
          repeated ContainerExtendedResourceRequest requestMappings = 1;
          optional string resourceClaimName = 2;
        }

        message PodIP {
          optional string ip = 1;
        }

        message PodOS {
          optional string name = 1;
        }

        message PodReadinessGate {
          optional string conditionType = 1;
        }

        message PodResourceClaimStatus {
          optional string name = 1;
          optional string resourceClaimName = 2;
        }

        message PodSchedulingGate {
          optional string name = 1;
        }

        message PodSpec {
          repeated Volume volumes = 1;
          repeated Container containers = 2;
          optional string restartPolicy = 3 [(kubesharp.omitempty) = true];
          optional int64 terminationGracePeriodSeconds = 4;
          optional int64 activeDeadlineSeconds = 5;
          optional string dnsPolicy = 6 [(kubesharp.omitempty) = true];
          map<string, string> nodeSelector = 7;
          optional string serviceAccountName = 8 [(kubesharp.omitempty) = true];
          optional string serviceAccount = 9 [(kubesharp.omitempty) = true];
          optional string nodeName = 10 [(kubesharp.omitempty) = true];
          optional bool hostNetwork = 11 [(kubesharp.omitempty) = true];
          optional bool hostPID = 12 [(kubesharp.omitempty) = true];
          optional bool hostIPC = 13 [(kubesharp.omitempty) = true];
          optional PodSecurityContext securityContext = 14;
          repeated LocalObjectReference imagePullSecrets = 15;
          optional string hostname = 16 [(kubesharp.omitempty) = true];
          optional string subdomain = 17 [(kubesharp.omitempty) = true];
          optional Affinity affinity = 18;
          optional string schedulerName = 19 [(kubesharp.omitempty) = true];
          repeated Container initContainers = 20;
          optional bool automountServiceAccountToken = 21;
          repeated Toleration tolerations = 22;
          repeated HostAlias hostAliases = 23;
          optional string priorityClassName = 24 [(kubesharp.omitempty) = true];
          optional int32 priority = 25;
          optional PodDNSConfig dnsConfig = 26;
          optional bool shareProcessNamespace = 27;
          repeated PodReadinessGate readinessGates = 28;
          optional string runtimeClassName = 29;
          optional bool enableServiceLinks = 30;
          optional string preemptionPolicy = 31;
          map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> overhead = 32;
          repeated TopologySpreadConstraint topologySpreadConstraints = 33;
          repeated EphemeralContainer ephemeralContainers = 34;
          optional bool setHostnameAsFQDN = 35;
          optional PodOS os = 36;
          optional bool hostUsers = 37;
          repeated PodSchedulingGate schedulingGates = 38;
          repeated PodResourceClaim resourceClaims = 39;
          optional ResourceRequirements resources = 40;
          optional string hostnameOverride = 41;
        }

        message PodStatus {
          optional string phase = 1 [(kubesharp.omitempty) = true];
          repeated PodCondition conditions = 2;
          optional string message = 3 [(kubesharp.omitempty) = true];
          optional string reason = 4 [(kubesharp.omitempty) = true];
          optional string hostIP = 5 [(kubesharp.omitempty) = true];
          optional string podIP = 6 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.Time startTime = 7;
          repeated ContainerStatus containerStatuses = 8;
          optional string qosClass = 9 [(kubesharp.omitempty) = true];
          repeated ContainerStatus initContainerStatuses = 10;
          optional string nominatedNodeName = 11 [(kubesharp.omitempty) = true];
          repeated PodIP podIPs = 12;
          repeated ContainerStatus ephemeralContainerStatuses = 13;
          optional string resize = 14 [(kubesharp.omitempty) = true];
          repeated PodResourceClaimStatus resourceClaimStatuses = 15;
          repeated HostIP hostIPs = 16;
          optional int64 observedGeneration = 17 [(kubesharp.omitempty) = true];
          optional PodExtendedResourceClaimStatus extendedResourceClaimStatus = 18;
        }

        message PodTemplate {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional PodTemplateSpec template = 2;
        }

        message PodTemplateSpec {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional PodSpec spec = 2;
        }

        message PreferredSchedulingTerm {
          optional int32 weight = 1;
          optional NodeSelectorTerm preference = 2;
        }

        message Sysctl {
          optional string name = 1;
          optional string value = 2;
        }

        message Toleration {
          optional string key = 1 [(kubesharp.omitempty) = true];
          optional string operator = 2 [(kubesharp.omitempty) = true];
          optional string value = 3 [(kubesharp.omitempty) = true];
          optional string effect = 4 [(kubesharp.omitempty) = true];
          optional int64 tolerationSeconds = 5;
        }

        message TopologySpreadConstraint {
          optional int32 maxSkew = 1;
          optional string topologyKey = 2;
          optional string whenUnsatisfiable = 3;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector labelSelector = 4;
          optional int32 minDomains = 5;
          optional string nodeAffinityPolicy = 6;
          optional string nodeTaintsPolicy = 7;
          repeated string matchLabelKeys = 8;
        }

        message WeightedPodAffinityTerm {
          optional int32 weight = 1;
          optional PodAffinityTerm podAffinityTerm = 2;
        }
        """;
}
