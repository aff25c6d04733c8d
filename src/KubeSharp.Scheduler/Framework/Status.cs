namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// A plugin's answer as a value (style.md: never throw for "does not fit"). Reasons are the user-visible strings
/// counted in the FailedScheduling message, e.g. "Insufficient cpu".
/// </summary>
public sealed record Status(StatusCode Code, IReadOnlyList<string> Reasons, string? Plugin = null)
{
    public static readonly Status Success = new(StatusCode.Success, []);

    public static readonly Status Skip = new(StatusCode.Skip, []);

    public bool IsSuccess => Code == StatusCode.Success;

    public bool IsRejected => Code is StatusCode.Unschedulable or StatusCode.UnschedulableAndUnresolvable;

    public string Message => string.Join(", ", Reasons);

    public static Status Unschedulable(params string[] reasons) => new(StatusCode.Unschedulable, reasons);

    public static Status Unresolvable(params string[] reasons) => new(StatusCode.UnschedulableAndUnresolvable, reasons);

    public static Status Error(string message) => new(StatusCode.Error, [message]);

    public Status WithPlugin(string plugin) => Plugin == plugin ? this : this with { Plugin = plugin };
}
