namespace KubeSharp.Scheduler.Framework;

/// <summary>Writes a pods/binding through the API server; a seam so plugin tests need no server.</summary>
public interface IPodBinder
{
    /// <summary>Success, or an Error status carrying the server's message.</summary>
    Task<Status> BindAsync(string ns, string podName, string podUid, string nodeName, CancellationToken ct);
}
