using System.Collections.Concurrent;

namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Data plugins share within one scheduling attempt (e.g. the pod's computed requests from PreFilter, read by
/// Filter). Written in PreFilter/PreScore, read concurrently by Filter/Score.
/// </summary>
public sealed class CycleState
{
    private readonly ConcurrentDictionary<string, object> _data = new();

    public void Write(string key, object value) => _data[key] = value;

    public T? Read<T>(string key)
        where T : class => _data.TryGetValue(key, out var v) ? v as T : null;
}
