namespace KubeSharp.Client.Events;

/// <summary>core/v1 Event types.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
