using System.Text;

namespace KubeSharp.Benchmarks.ApiBench.Http;

/// <summary>
/// A small, realistic pod (labels, one container with image, ports, requests and limits, a probe), about 1 KB of
/// JSON. The body is built from two fixed UTF-8 halves around the name, so a request costs one copy, no serializer.
/// </summary>
internal sealed class PodBodies
{
    private const string NameMarker = "@@NAME@@";
    private readonly byte[] _head;
    private readonly byte[] _tail;

    public PodBodies(string ns)
    {
        var json = $$$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{{NameMarker}}}}","namespace":"{{{{ns}}}}",
            "labels":{"app.kubernetes.io/name":"storefront","app.kubernetes.io/component":"web","app.kubernetes.io/part-of":"shop",
            "app.kubernetes.io/version":"1.24.3","pod-template-hash":"7d9f8c6b5d","tier":"frontend"},
            "annotations":{"prometheus.io/scrape":"true","prometheus.io/port":"9090"}},
            "spec":{"containers":[{"name":"web","image":"registry.example.com/shop/storefront:1.24.3","imagePullPolicy":"IfNotPresent",
            "args":["--listen=:8080","--metrics=:9090"],
            "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"},{"name":"metrics","containerPort":9090,"protocol":"TCP"}],
            "env":[{"name":"LOG_LEVEL","value":"info"},{"name":"CACHE_SIZE_MB","value":"64"}],
            "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"cpu":"500m","memory":"256Mi"}},
            "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":10}}],
            "restartPolicy":"Always","terminationGracePeriodSeconds":30,"nodeSelector":{"kubernetes.io/os":"linux"}}}
            """.ReplaceLineEndings("");
        var at = json.IndexOf(NameMarker, StringComparison.Ordinal);
        _head = Encoding.UTF8.GetBytes(json[..at]);
        _tail = Encoding.UTF8.GetBytes(json[(at + NameMarker.Length)..]);
    }

    /// <summary>Body size for a 12-character name, for reports.</summary>
    public int TypicalSize => _head.Length + 12 + _tail.Length;

    public byte[] For(string name)
    {
        var body = new byte[_head.Length + Encoding.UTF8.GetByteCount(name) + _tail.Length];
        _head.CopyTo(body, 0);
        var written = Encoding.UTF8.GetBytes(name, body.AsSpan(_head.Length));
        _tail.CopyTo(body, _head.Length + written);
        return body;
    }
}
