using Grpc.Core;

namespace KubeSharp.Kubelet.Cri;

public sealed partial class GrpcCriClient
{
    /// <summary>Runs a call, translating gRPC failures into <see cref="CriException"/>.</summary>
    private static async Task<T> Invoke<T>(string operation, Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw ToCriException(operation, e);
        }
    }

    /// <summary>A lookup: the runtime not knowing the id is an answer (null), not a failure.</summary>
    private static async Task<T?> InvokeLookup<T>(string operation, Func<AsyncUnaryCall<T>> call) where T : class
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
            throw ToCriException(operation, e);
        }
    }

    /// <summary>A stop or remove: the object being gone already is what the caller wanted.</summary>
    private static async Task InvokeIdempotent<T>(string operation, Func<AsyncUnaryCall<T>> call)
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
            throw ToCriException(operation, e);
        }
    }

    internal static bool IsNotFound(RpcException e) => e.StatusCode == StatusCode.NotFound;

    internal static CriException ToCriException(string operation, RpcException e)
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
        return new CriException(kind, $"CRI {operation}: {detail}", e);
    }
}
