using Microsoft.Extensions.Logging;

namespace KubeSharp.Client.Events;

internal static partial class EventRecorderLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Could not write event {Reason} for {Object}")]
    public static partial void WriteFailed(ILogger logger, Exception e, string reason, string @object);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Debug, Message = "Could not reach the API server to write event {Reason} for {Object} ({Error}), attempt {Attempt}; will retry")]
    public static partial void WillRetry(ILogger logger, string error, string reason, string @object, int attempt);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Dropped event {Reason} for {Object}: {Why}")]
    public static partial void Dropped(ILogger logger, string reason, string @object, string why);
}
