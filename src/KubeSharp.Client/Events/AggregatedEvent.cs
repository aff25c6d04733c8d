namespace KubeSharp.Client.Events;

/// <summary>What the recorder remembers of an Event it wrote, to fold repeats into it.</summary>
internal sealed record AggregatedEvent(string Namespace, string Name, int Count, DateTime FirstTimestamp);
