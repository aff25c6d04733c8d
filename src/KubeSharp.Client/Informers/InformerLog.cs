using Microsoft.Extensions.Logging;

namespace KubeSharp.Client.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "List of {Resource} failed; retrying in {Delay}")]
    public static partial void ListFailed(ILogger logger, Exception e, string resource, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Watch of {Resource} expired at resourceVersion {ResourceVersion} (410): relisting")]
    public static partial void WatchExpired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Watch of {Resource} failed; retrying from resourceVersion {ResourceVersion} in {Delay}")]
    public static partial void WatchFailed(ILogger logger, Exception e, string resource, string resourceVersion, TimeSpan delay);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Event handler for {Resource} threw")]
    public static partial void HandlerFailed(ILogger logger, Exception e, string resource);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Watch of {Resource} ended at resourceVersion {ResourceVersion} after {Events} events; rewatching")]
    public static partial void WatchEnded(ILogger logger, string resource, string resourceVersion, int events);
}
