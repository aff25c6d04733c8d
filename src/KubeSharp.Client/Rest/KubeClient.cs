using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.Client.Rest;

/// <summary>
/// One connection pool to the API server and a typed <see cref="ResourceClient{T}"/> per resource. Components
/// create one per process (or per role) and share it; it is thread-safe.
/// </summary>
public sealed class KubeClient : IDisposable
{
    private readonly ConcurrentDictionary<ResourceInfo, object> _clients = new();
    private readonly bool _ownsHttp;

    public KubeClient(ClientConfig config)
        : this(config, config.CreateHttpClient(), ownsHttp: true)
    {
    }

    /// <summary>Uses a caller-made HttpClient (e.g. with a test handler in front); its BaseAddress must be set.</summary>
    public KubeClient(ClientConfig config, HttpClient http, bool ownsHttp = false)
    {
        Config = config;
        Http = http;
        _ownsHttp = ownsHttp;
    }

    public ClientConfig Config { get; }

    public HttpClient Http { get; }

    /// <summary>The client of the resource whose model type is <typeparamref name="T"/> (e.g. V1Pod → pods).</summary>
    public ResourceClient<T> For<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var info = ModelResources.For(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not a served resource type");
        return For<T>(info);
    }

    public ResourceClient<T> For<T>(ResourceInfo resource)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (!resource.ModelType.IsAssignableFrom(typeof(T)))
        {
            throw new ArgumentException($"{resource.QualifiedResource} holds {resource.ModelType.Name}, not {typeof(T).Name}");
        }
        return (ResourceClient<T>)_clients.GetOrAdd(resource, r => new ResourceClient<T>(Http, r, Config.RequestTimeout));
    }

    public void Dispose()
    {
        if (_ownsHttp) Http.Dispose();
    }
}
