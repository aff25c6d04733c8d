using Grpc.Core;
using KubeSharp.Kubelet.Cri;

namespace KubeSharp.Agent.Tests.Cri;

public sealed class GrpcCriClientTests
{
    [Theory]
    [InlineData("unix:///run/containerd/containerd.sock", "/run/containerd/containerd.sock")]
    [InlineData("/var/lib/kubesharp/agent/containerd/containerd.sock", "/var/lib/kubesharp/agent/containerd/containerd.sock")]
    public void Endpoint_accepts_unix_urls_and_plain_paths(string endpoint, string path)
    {
        Assert.Equal(path, GrpcCriClient.ParseEndpoint(endpoint));
        using var client = GrpcCriClient.Create(endpoint);
        Assert.Equal(path, client.SocketPath);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:1234")]
    [InlineData("unix://relative.sock")]
    [InlineData("")]
    public void Other_endpoints_are_rejected(string endpoint)
    {
        Assert.ThrowsAny<ArgumentException>(() => GrpcCriClient.ParseEndpoint(endpoint));
    }

    [Fact]
    public async Task A_missing_socket_is_unavailable()
    {
        using var client = GrpcCriClient.Create($"unix:///tmp/ks-missing-{TestHost.Suffix()}.sock");
        var e = await Assert.ThrowsAsync<CriException>(() => client.VersionAsync(CancellationToken.None));
        Assert.Equal(CriErrorKind.Unavailable, e.Kind);
        Assert.StartsWith("CRI Version:", e.Message);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_is_an_operation_canceled_exception()
    {
        using var client = GrpcCriClient.Create($"/tmp/ks-missing-{TestHost.Suffix()}.sock");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListImagesAsync(new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, CriErrorKind.NotFound)]
    [InlineData(StatusCode.AlreadyExists, CriErrorKind.AlreadyExists)]
    [InlineData(StatusCode.InvalidArgument, CriErrorKind.InvalidArgument)]
    [InlineData(StatusCode.DeadlineExceeded, CriErrorKind.DeadlineExceeded)]
    [InlineData(StatusCode.Unavailable, CriErrorKind.Unavailable)]
    [InlineData(StatusCode.Cancelled, CriErrorKind.Canceled)]
    [InlineData(StatusCode.Internal, CriErrorKind.Unknown)]
    [InlineData(StatusCode.Unknown, CriErrorKind.Unknown)]
    public void Status_codes_map_to_error_kinds(StatusCode code, CriErrorKind kind)
    {
        var e = GrpcCriClient.ToCriException("RunPodSandbox", new RpcException(new Status(code, "boom")));
        Assert.Equal(kind, e.Kind);
        Assert.Equal("CRI RunPodSandbox: boom", e.Message);
    }
}
