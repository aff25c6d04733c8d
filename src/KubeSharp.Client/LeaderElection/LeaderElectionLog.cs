using Microsoft.Extensions.Logging;

namespace KubeSharp.Client.LeaderElection;

internal static partial class LeaderElectionLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "{Identity} acquired lease {Lease}")]
    public static partial void Acquired(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "{Identity} failed to renew lease {Lease} within the renew deadline; stepping down")]
    public static partial void Lost(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "{Identity}: lease {Lease} attempt failed")]
    public static partial void AttemptFailed(ILogger logger, Exception e, string identity, string lease);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "New leader of lease {Lease}: {Holder}")]
    public static partial void NewLeader(ILogger logger, string lease, string holder);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "{Identity} released lease {Lease}")]
    public static partial void Released(ILogger logger, string identity, string lease);
}
