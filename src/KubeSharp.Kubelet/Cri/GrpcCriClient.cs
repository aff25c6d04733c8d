using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Cri;

/// <summary>
/// CRI v1 over gRPC on a Unix socket (containerd's CRI plugin). One HTTP/2 connection, shared by both services.
/// Every call gets a deadline (the kubelet must never hang on a wedged runtime); NotFound from a lookup is null and
/// from a stop/remove is success, following the <see cref="IRuntimeService"/> conventions; other failures become
/// <see cref="CriException"/>. Cancelling the caller's token surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed partial class GrpcCriClient : IRuntimeService, IImageService, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly RuntimeService.RuntimeServiceClient _runtime;
    private readonly ImageService.ImageServiceClient _images;
    private readonly GrpcCriClientOptions _options;

    private GrpcCriClient(string socketPath, GrpcCriClientOptions options)
    {
        SocketPath = socketPath;
        _options = options;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            // A restarted containerd is a new socket: do not keep a dead connection around for long.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
        };
        _channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            // Container logs and image lists can be large; containerd's own limit is 16 MiB.
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            ThrowOperationCanceledOnCancellation = true,
        });
        _runtime = new RuntimeService.RuntimeServiceClient(_channel);
        _images = new ImageService.ImageServiceClient(_channel);
    }

    /// <summary>The Unix socket this client talks to.</summary>
    public string SocketPath { get; }

    /// <summary>
    /// A client for <paramref name="endpoint"/>: <c>unix:///run/x.sock</c> (the kubelet's
    /// --container-runtime-endpoint form) or a plain socket path. No connection is made until the first call.
    /// </summary>
    public static GrpcCriClient Create(string endpoint, GrpcCriClientOptions? options = null) =>
        new(ParseEndpoint(endpoint), options ?? new GrpcCriClientOptions());

    /// <summary>The socket path of a CRI endpoint; rejects schemes other than unix.</summary>
    public static string ParseEndpoint(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = endpoint["unix://".Length..];
            if (!path.StartsWith('/')) throw new ArgumentException($"CRI endpoint \"{endpoint}\" must be an absolute unix:///path");
            return path;
        }
        if (endpoint.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"CRI endpoint \"{endpoint}\": only unix sockets are supported");
        return Path.GetFullPath(endpoint);
    }

    public void Dispose() => _channel.Dispose();

    private CallOptions Call(CancellationToken ct, TimeSpan? timeout = null) =>
        new(deadline: DateTime.UtcNow + (timeout ?? _options.RequestTimeout), cancellationToken: ct);
}

/// <summary>Deadlines of <see cref="GrpcCriClient"/> calls.</summary>
public sealed record GrpcCriClientOptions
{
    /// <summary>Every call except pulls and exec; upstream's kubelet uses 2 minutes (--runtime-request-timeout).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Image pulls: big images over slow links legitimately take long.</summary>
    public TimeSpan PullTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
