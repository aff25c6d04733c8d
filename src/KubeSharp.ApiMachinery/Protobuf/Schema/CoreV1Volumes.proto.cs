namespace KubeSharp.ApiMachinery.Protobuf.Schema;

// core/v1: Volume, every volume source, and the persistent volume claim parts an ephemeral volume embeds.
// Written for KubeSharp: field names and numbers are facts of the Kubernetes wire format; the kubesharp.*
// options (declared in Options.proto.cs) carry the Go JSON facts the decoder needs. Messages kubectl does
// not send are here because a sent message references them.
internal static partial class ProtoFiles
{
    internal const string CoreV1Volumes = """
        syntax = "proto2";

        package k8s.io.api.core.v1;

        import "kubesharp/options.proto";

        message AWSElasticBlockStoreVolumeSource {
          optional string volumeID = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional int32 partition = 3 [(kubesharp.omitempty) = true];
          optional bool readOnly = 4 [(kubesharp.omitempty) = true];
        }

        message AzureDiskVolumeSource {
          optional string diskName = 1;
          optional string diskURI = 2;
          optional string cachingMode = 3;
          optional string fsType = 4;
          optional bool readOnly = 5;
          optional string kind = 6;
        }

        message AzureFileVolumeSource {
          optional string secretName = 1;
          optional string shareName = 2;
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
        }

        message CSIVolumeSource {
          optional string driver = 1;
          optional bool readOnly = 2;
          optional string fsType = 3;
          map<string, string> volumeAttributes = 4;
          optional LocalObjectReference nodePublishSecretRef = 5;
        }

        message CephFSVolumeSource {
          repeated string monitors = 1;
          optional string path = 2 [(kubesharp.omitempty) = true];
          optional string user = 3 [(kubesharp.omitempty) = true];
          optional string secretFile = 4 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 5;
          optional bool readOnly = 6 [(kubesharp.omitempty) = true];
        }

        message CinderVolumeSource {
          optional string volumeID = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 4;
        }

        message ClusterTrustBundleProjection {
          optional string name = 1;
          optional string signerName = 2;
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector labelSelector = 3;
          optional string path = 4;
          optional bool optional = 5;
        }

        message ConfigMapProjection {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          repeated KeyToPath items = 2;
          optional bool optional = 4;
        }

        message ConfigMapVolumeSource {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          repeated KeyToPath items = 2;
          optional int32 defaultMode = 3;
          optional bool optional = 4;
        }

        message DownwardAPIProjection {
          repeated DownwardAPIVolumeFile items = 1;
        }

        message DownwardAPIVolumeFile {
          optional string path = 1;
          optional ObjectFieldSelector fieldRef = 2;
          optional ResourceFieldSelector resourceFieldRef = 3;
          optional int32 mode = 4;
        }

        message DownwardAPIVolumeSource {
          repeated DownwardAPIVolumeFile items = 1;
          optional int32 defaultMode = 2;
        }

        message EmptyDirVolumeSource {
          optional string medium = 1 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.api.resource.Quantity sizeLimit = 2;
        }

        message EphemeralVolumeSource {
          optional PersistentVolumeClaimTemplate volumeClaimTemplate = 1;
        }

        message FCVolumeSource {
          repeated string targetWWNs = 1;
          optional int32 lun = 2;
          optional string fsType = 3 [(kubesharp.omitempty) = true];
          optional bool readOnly = 4 [(kubesharp.omitempty) = true];
          repeated string wwids = 5;
        }

        message FlexVolumeSource {
          optional string driver = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 3;
          optional bool readOnly = 4 [(kubesharp.omitempty) = true];
          map<string, string> options = 5;
        }

        message FlockerVolumeSource {
          optional string datasetName = 1 [(kubesharp.omitempty) = true];
          optional string datasetUUID = 2 [(kubesharp.omitempty) = true];
        }

        message GCEPersistentDiskVolumeSource {
          optional string pdName = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional int32 partition = 3 [(kubesharp.omitempty) = true];
          optional bool readOnly = 4 [(kubesharp.omitempty) = true];
        }

        message GitRepoVolumeSource {
          optional string repository = 1;
          optional string revision = 2 [(kubesharp.omitempty) = true];
          optional string directory = 3 [(kubesharp.omitempty) = true];
        }

        message GlusterfsVolumeSource {
          optional string endpoints = 1;
          optional string path = 2;
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
        }

        message HostPathVolumeSource {
          optional string path = 1;
          optional string type = 2;
        }

        message ISCSIVolumeSource {
          optional string targetPortal = 1;
          optional string iqn = 2;
          optional int32 lun = 3;
          optional string iscsiInterface = 4 [(kubesharp.omitempty) = true];
          optional string fsType = 5 [(kubesharp.omitempty) = true];
          optional bool readOnly = 6 [(kubesharp.omitempty) = true];
          repeated string portals = 7;
          optional bool chapAuthDiscovery = 8 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 10;
          optional bool chapAuthSession = 11 [(kubesharp.omitempty) = true];
          optional string initiatorName = 12;
        }

        message ImageVolumeSource {
          optional string reference = 1 [(kubesharp.omitempty) = true];
          optional string pullPolicy = 2 [(kubesharp.omitempty) = true];
        }

        message KeyToPath {
          optional string key = 1;
          optional string path = 2;
          optional int32 mode = 3;
        }

        message LocalObjectReference {
          optional string name = 1 [(kubesharp.omitempty) = true];
        }

        message NFSVolumeSource {
          optional string server = 1;
          optional string path = 2;
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
        }

        message PersistentVolumeClaimSpec {
          repeated string accessModes = 1;
          optional VolumeResourceRequirements resources = 2;
          optional string volumeName = 3 [(kubesharp.omitempty) = true];
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 4;
          optional string storageClassName = 5;
          optional string volumeMode = 6;
          optional TypedLocalObjectReference dataSource = 7;
          optional TypedObjectReference dataSourceRef = 8;
          optional string volumeAttributesClassName = 9;
        }

        message PersistentVolumeClaimTemplate {
          optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
          optional PersistentVolumeClaimSpec spec = 2;
        }

        message PersistentVolumeClaimVolumeSource {
          optional string claimName = 1;
          optional bool readOnly = 2 [(kubesharp.omitempty) = true];
        }

        message PhotonPersistentDiskVolumeSource {
          optional string pdID = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
        }

        message PodCertificateProjection {
          optional string signerName = 1 [(kubesharp.omitempty) = true];
          optional string keyType = 2 [(kubesharp.omitempty) = true];
          optional int32 maxExpirationSeconds = 3;
          optional string credentialBundlePath = 4 [(kubesharp.omitempty) = true];
          optional string keyPath = 5 [(kubesharp.omitempty) = true];
          optional string certificateChainPath = 6 [(kubesharp.omitempty) = true];
        }

        message PortworxVolumeSource {
          optional string volumeID = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
        }

        message ProjectedVolumeSource {
          repeated VolumeProjection sources = 1;
          optional int32 defaultMode = 2;
        }

        message QuobyteVolumeSource {
          optional string registry = 1;
          optional string volume = 2;
          optional bool readOnly = 3 [(kubesharp.omitempty) = true];
          optional string user = 4 [(kubesharp.omitempty) = true];
          optional string group = 5 [(kubesharp.omitempty) = true];
          optional string tenant = 6 [(kubesharp.omitempty) = true];
        }

        message RBDVolumeSource {
          repeated string monitors = 1;
          optional string image = 2;
          optional string fsType = 3 [(kubesharp.omitempty) = true];
          optional string pool = 4 [(kubesharp.omitempty) = true];
          optional string user = 5 [(kubesharp.omitempty) = true];
          optional string keyring = 6 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 7;
          optional bool readOnly = 8 [(kubesharp.omitempty) = true];
        }

        message ScaleIOVolumeSource {
          optional string gateway = 1;
          optional string system = 2;
          optional LocalObjectReference secretRef = 3;
          optional bool sslEnabled = 4 [(kubesharp.omitempty) = true];
          optional string protectionDomain = 5 [(kubesharp.omitempty) = true];
          optional string storagePool = 6 [(kubesharp.omitempty) = true];
          optional string storageMode = 7 [(kubesharp.omitempty) = true];
          optional string volumeName = 8 [(kubesharp.omitempty) = true];
          optional string fsType = 9 [(kubesharp.omitempty) = true];
          optional bool readOnly = 10 [(kubesharp.omitempty) = true];
        }

        message SecretProjection {
          optional LocalObjectReference localObjectReference = 1 [(kubesharp.inline) = true];
          repeated KeyToPath items = 2;
          optional bool optional = 4;
        }

        message SecretVolumeSource {
          optional string secretName = 1 [(kubesharp.omitempty) = true];
          repeated KeyToPath items = 2;
          optional int32 defaultMode = 3;
          optional bool optional = 4;
        }

        message ServiceAccountTokenProjection {
          optional string audience = 1 [(kubesharp.omitempty) = true];
          optional int64 expirationSeconds = 2;
          optional string path = 3;
        }

        message StorageOSVolumeSource {
          optional string volumeName = 1 [(kubesharp.omitempty) = true];
          optional string volumeNamespace = 2 [(kubesharp.omitempty) = true];
          optional string fsType = 3 [(kubesharp.omitempty) = true];
          optional bool readOnly = 4 [(kubesharp.omitempty) = true];
          optional LocalObjectReference secretRef = 5;
        }

        message TypedLocalObjectReference {
          optional string apiGroup = 1;
          optional string kind = 2;
          optional string name = 3;
        }

        message TypedObjectReference {
          optional string apiGroup = 1;
          optional string kind = 2;
          optional string name = 3;
          optional string namespace = 4;
        }

        message Volume {
          optional string name = 1;
          optional VolumeSource volumeSource = 2 [(kubesharp.inline) = true];
        }

        message VolumeProjection {
          optional SecretProjection secret = 1;
          optional DownwardAPIProjection downwardAPI = 2;
          optional ConfigMapProjection configMap = 3;
          optional ServiceAccountTokenProjection serviceAccountToken = 4;
          optional ClusterTrustBundleProjection clusterTrustBundle = 5;
          optional PodCertificateProjection podCertificate = 6;
        }

        message VolumeSource {
          optional HostPathVolumeSource hostPath = 1;
          optional EmptyDirVolumeSource emptyDir = 2;
          optional GCEPersistentDiskVolumeSource gcePersistentDisk = 3;
          optional AWSElasticBlockStoreVolumeSource awsElasticBlockStore = 4;
          optional GitRepoVolumeSource gitRepo = 5;
          optional SecretVolumeSource secret = 6;
          optional NFSVolumeSource nfs = 7;
          optional ISCSIVolumeSource iscsi = 8;
          optional GlusterfsVolumeSource glusterfs = 9;
          optional PersistentVolumeClaimVolumeSource persistentVolumeClaim = 10;
          optional RBDVolumeSource rbd = 11;
          optional FlexVolumeSource flexVolume = 12;
          optional CinderVolumeSource cinder = 13;
          optional CephFSVolumeSource cephfs = 14;
          optional FlockerVolumeSource flocker = 15;
          optional DownwardAPIVolumeSource downwardAPI = 16;
          optional FCVolumeSource fc = 17;
          optional AzureFileVolumeSource azureFile = 18;
          optional ConfigMapVolumeSource configMap = 19;
          optional VsphereVirtualDiskVolumeSource vsphereVolume = 20;
          optional QuobyteVolumeSource quobyte = 21;
          optional AzureDiskVolumeSource azureDisk = 22;
          optional PhotonPersistentDiskVolumeSource photonPersistentDisk = 23;
          optional PortworxVolumeSource portworxVolume = 24;
          optional ScaleIOVolumeSource scaleIO = 25;
          optional ProjectedVolumeSource projected = 26;
          optional StorageOSVolumeSource storageos = 27;
          optional CSIVolumeSource csi = 28;
          optional EphemeralVolumeSource ephemeral = 29;
          optional ImageVolumeSource image = 30;
        }

        message VsphereVirtualDiskVolumeSource {
          optional string volumePath = 1;
          optional string fsType = 2 [(kubesharp.omitempty) = true];
          optional string storagePolicyName = 3 [(kubesharp.omitempty) = true];
          optional string storagePolicyID = 4 [(kubesharp.omitempty) = true];
        }
        """;
}
