using Grpc.Core;

namespace KubeSharp.Kubelet.Cri;

public sealed partial class GrpcCriClient
{
    /// <summary>Runs a call, translating gRPC failures into <see cref="CriException"/>.</summary>
    private async Task<T> Invoke<T>(string operation, Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw ToCriException(operation, e, SocketPath);
        }
    }

    /// <summary>A lookup: the runtime not knowing the id is an answer (null), not a failure.</summary>
    private async Task<T?> InvokeLookup<T>(string operation, Func<AsyncUnaryCall<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (IsNotFound(e))
        {
            return null;
        }
        catch (RpcException e)
        {
            throw ToCriException(operation, e, SocketPath);
        }
    }

    /// <summary>A stop or remove: the object being gone already is what the caller wanted.</summary>
    private async Task InvokeIdempotent<T>(string operation, Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (IsNotFound(e))
        {
        }
        catch (RpcException e)
        {
            throw ToCriException(operation, e, SocketPath);
        }
    }

    internal static bool IsNotFound(RpcException e) => e.StatusCode == StatusCode.NotFound;

    internal static CriException ToCriException(string operation, RpcException e, string? socketPath = null)
    {
        var kind = e.StatusCode switch
        {
            StatusCode.NotFound => CriErrorKind.NotFound,
            StatusCode.AlreadyExists => CriErrorKind.AlreadyExists,
            StatusCode.InvalidArgument => CriErrorKind.InvalidArgument,
            StatusCode.DeadlineExceeded => CriErrorKind.DeadlineExceeded,
            StatusCode.Unavailable => CriErrorKind.Unavailable,
            StatusCode.Cancelled => CriErrorKind.Canceled,
            _ => CriErrorKind.Unknown,
        };
        var detail = string.IsNullOrEmpty(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
        // A connection failure names the HTTP/2 authority (localhost:80), not the socket: say which socket it was.
        if (kind == CriErrorKind.Unavailable && socketPath is not null)
            return new CriException(kind, $"CRI {operation}: runtime at unix://{socketPath} is unavailable ({e.Status.DebugException?.InnerException?.Message ?? detail})", e);
        return new CriException(kind, $"CRI {operation}: {detail}", e);
    }
}
