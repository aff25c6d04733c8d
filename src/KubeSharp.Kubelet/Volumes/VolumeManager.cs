using System.Text;
using k8s.Models;
using KubeSharp.Kubelet.Pods;

namespace KubeSharp.Kubelet.Volumes;

/// <summary>
/// Sets up a pod's volumes under &lt;root&gt;/pods/&lt;uid&gt;/volumes/&lt;plugin&gt;/&lt;name&gt; and returns each volume's host
/// path. emptyDir is a plain directory, also for medium Memory (no tmpfs mount: the kubelet may run without
/// CAP_SYS_ADMIN in a test, and a directory behaves the same for the pod apart from where the bytes live).
/// configMap, secret, downwardAPI and projected are rewritten on every sync through <see cref="AtomicWriter"/>,
/// so updates of the source objects reach running pods. hostPath checks its type as upstream does.
/// </summary>
internal sealed class VolumeManager(PodDirs dirs, IPodObjectSource objects)
{
    public sealed record Context(V1Pod Pod, IReadOnlyList<string> PodIps, IReadOnlyList<string> HostIps, IDictionary<string, ResourceQuantity>? NodeAllocatable);

    public async Task<Dictionary<string, string>> SetUpAsync(Context context, CancellationToken ct)
    {
        var pod = context.Pod;
        var uid = pod.Metadata.Uid;
        var paths = new Dictionary<string, string>();
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            paths[volume.Name] = await SetUpOneAsync(volume, context, uid, ct);
        }
        return paths;
    }

    private async Task<string> SetUpOneAsync(V1Volume volume, Context context, string uid, CancellationToken ct)
    {
        var ns = context.Pod.Metadata.NamespaceProperty;
        if (volume.EmptyDir != null)
        {
            var dir = dirs.Volume(uid, "kubernetes.io~empty-dir", volume.Name);
            if (!Directory.Exists(dir))
            {
                Directory.CreateDirectory(dir);
                File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("777", 8));
            }
            return dir;
        }
        if (volume.HostPath != null) return HostPathVolume.SetUp(volume.HostPath);
        if (volume.ConfigMap is { } cmSource)
        {
            var dir = dirs.Volume(uid, "kubernetes.io~configmap", volume.Name);
            var files = await ConfigMapFilesAsync(ns, cmSource.Name, cmSource.Items, cmSource.DefaultMode ?? 420, cmSource.Optional == true, ct);
            AtomicWriter.Write(dir, files);
            return dir;
        }
        if (volume.Secret is { } secretSource)
        {
            var dir = dirs.Volume(uid, "kubernetes.io~secret", volume.Name);
            var files = await SecretFilesAsync(ns, secretSource.SecretName, secretSource.Items, secretSource.DefaultMode ?? 420, secretSource.Optional == true, ct);
            AtomicWriter.Write(dir, files);
            return dir;
        }
        if (volume.DownwardAPI is { } downward)
        {
            var dir = dirs.Volume(uid, "kubernetes.io~downward-api", volume.Name);
            AtomicWriter.Write(dir, DownwardFiles(downward.Items, downward.DefaultMode ?? 420, context));
            return dir;
        }
        if (volume.Projected is { } projected)
        {
            var dir = dirs.Volume(uid, "kubernetes.io~projected", volume.Name);
            var mode = projected.DefaultMode ?? 420;
            var files = new List<AtomicWriter.FileEntry>();
            foreach (var source in projected.Sources ?? [])
            {
                if (source.ConfigMap is { } cm) files.AddRange(await ConfigMapFilesAsync(ns, cm.Name, cm.Items, mode, cm.Optional == true, ct));
                else if (source.Secret is { } s) files.AddRange(await SecretFilesAsync(ns, s.Name, s.Items, mode, s.Optional == true, ct));
                else if (source.DownwardAPI is { } d) files.AddRange(DownwardFiles(d.Items, mode, context));
                else if (source.ServiceAccountToken != null) throw new VolumeException("projected serviceAccountToken sources are not supported (no TokenRequest API)");
                else throw new VolumeException($"projected volume {volume.Name} has an unsupported source");
            }
            AtomicWriter.Write(dir, files);
            return dir;
        }
        throw new VolumeException($"volume {volume.Name}: only emptyDir, hostPath, configMap, secret, downwardAPI and projected are supported");
    }

    private async Task<List<AtomicWriter.FileEntry>> ConfigMapFilesAsync(string ns, string name, IList<V1KeyToPath>? items, int mode, bool optional, CancellationToken ct)
    {
        var cm = await objects.GetConfigMapAsync(ns, name, ct);
        if (cm == null)
        {
            if (optional) return [];
            throw new VolumeException($"configmap \"{name}\" not found");
        }
        var data = new Dictionary<string, byte[]>();
        foreach (var (k, v) in cm.Data ?? new Dictionary<string, string>()) data[k] = Encoding.UTF8.GetBytes(v);
        foreach (var (k, v) in cm.BinaryData ?? new Dictionary<string, byte[]>()) data[k] = v;
        return Project(data, items, mode, optional, $"configmap {ns}/{name}");
    }

    private async Task<List<AtomicWriter.FileEntry>> SecretFilesAsync(string ns, string name, IList<V1KeyToPath>? items, int mode, bool optional, CancellationToken ct)
    {
        var secret = await objects.GetSecretAsync(ns, name, ct);
        if (secret == null)
        {
            if (optional) return [];
            throw new VolumeException($"secret \"{name}\" not found");
        }
        return Project(new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>()), items, mode, optional, $"secret {ns}/{name}");
    }

    /// <summary>All keys as files, or only the listed items (a missing key fails unless the source is optional).</summary>
    private static List<AtomicWriter.FileEntry> Project(Dictionary<string, byte[]> data, IList<V1KeyToPath>? items, int mode, bool optional, string what)
    {
        if (items == null || items.Count == 0) return data.Select(kv => new AtomicWriter.FileEntry(kv.Key, kv.Value, mode)).ToList();
        var files = new List<AtomicWriter.FileEntry>();
        foreach (var item in items)
        {
            if (!data.TryGetValue(item.Key, out var content))
            {
                if (optional) continue;
                throw new VolumeException($"key \"{item.Key}\" not found in {what}");
            }
            files.Add(new AtomicWriter.FileEntry(item.Path, content, item.Mode ?? mode));
        }
        return files;
    }

    private static List<AtomicWriter.FileEntry> DownwardFiles(IList<V1DownwardAPIVolumeFile>? items, int mode, Context context)
    {
        var files = new List<AtomicWriter.FileEntry>();
        foreach (var item in items ?? [])
        {
            string? value;
            if (item.FieldRef is { } field)
            {
                value = PodFields.Field(context.Pod, field.FieldPath, context.PodIps, context.HostIps)
                    ?? throw new VolumeException($"unsupported fieldPath \"{field.FieldPath}\"");
            }
            else if (item.ResourceFieldRef is { } resource)
            {
                var container = context.Pod.Spec.Containers.Concat(context.Pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == resource.ContainerName)
                    ?? throw new VolumeException($"container \"{resource.ContainerName}\" not found");
                value = PodFields.Resource(container, resource, context.NodeAllocatable)
                    ?? throw new VolumeException($"unsupported resource \"{resource.Resource}\"");
            }
            else
            {
                continue;
            }
            files.Add(new AtomicWriter.FileEntry(item.Path, Encoding.UTF8.GetBytes(value), item.Mode ?? mode));
        }
        return files;
    }

    /// <summary>Removes everything the kubelet made for the pod (volumes, etc-hosts, termination logs).</summary>
    public static void TearDown(PodDirs dirs, string uid)
    {
        var dir = dirs.Pod(uid);
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
    }
}
