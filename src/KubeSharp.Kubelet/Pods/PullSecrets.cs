using System.Text;
using System.Text.Json;
using k8s.Models;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Pods;

/// <summary>
/// Credentials for a pull from the pod's imagePullSecrets (kubernetes.io/dockerconfigjson or dockercfg): the first
/// entry whose registry matches the image's registry host (docker.io for short names).
/// </summary>
internal static class PullSecrets
{
    public static async Task<AuthConfig?> AuthForAsync(V1Pod pod, string image, IPodObjectSource objects, CancellationToken ct)
    {
        var refs = pod.Spec.ImagePullSecrets;
        if (refs == null || refs.Count == 0) return null;
        var registry = RegistryOf(image);
        foreach (var reference in refs)
        {
            var secret = await objects.GetSecretAsync(pod.Metadata.NamespaceProperty, reference.Name, ct);
            if (secret?.Data == null) continue;
            JsonElement auths;
            if (secret.Data.TryGetValue(".dockerconfigjson", out var json))
            {
                using var doc = JsonDocument.Parse(json);
                if (!doc.RootElement.TryGetProperty("auths", out var a)) continue;
                auths = a.Clone();
            }
            else if (secret.Data.TryGetValue(".dockercfg", out var cfg))
            {
                using var doc = JsonDocument.Parse(cfg);
                auths = doc.RootElement.Clone();
            }
            else
            {
                continue;
            }
            foreach (var entry in auths.EnumerateObject())
            {
                if (RegistryOf(entry.Name.Replace("https://", "").Replace("http://", "") + "/x") != registry) continue;
                var auth = new AuthConfig { ServerAddress = registry };
                if (entry.Value.TryGetProperty("username", out var u)) auth.Username = u.GetString() ?? "";
                if (entry.Value.TryGetProperty("password", out var p)) auth.Password = p.GetString() ?? "";
                if (entry.Value.TryGetProperty("auth", out var b) && b.GetString() is { Length: > 0 } encoded)
                {
                    auth.Auth = encoded;
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
                    if (auth.Username.Length == 0 && decoded.Length == 2)
                    {
                        auth.Username = decoded[0];
                        auth.Password = decoded[1];
                    }
                }
                return auth;
            }
        }
        return null;
    }

    private static string RegistryOf(string image)
    {
        var slash = image.IndexOf('/');
        if (slash < 0) return "docker.io";
        var first = image[..slash];
        if (first.Contains('.') || first.Contains(':') || first == "localhost") return first == "index.docker.io" ? "docker.io" : first;
        return "docker.io";
    }
}
