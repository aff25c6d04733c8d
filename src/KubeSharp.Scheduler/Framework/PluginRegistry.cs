namespace KubeSharp.Scheduler.Framework;

/// <summary>Plugin name → factory (upstream's in-tree registry); profiles name the plugins they enable.</summary>
public sealed class PluginRegistry
{
    private readonly Dictionary<string, Func<PluginHandle, IPlugin>> _factories = new(StringComparer.Ordinal);

    public PluginRegistry Register(string name, Func<PluginHandle, IPlugin> factory)
    {
        if (!_factories.TryAdd(name, factory)) throw new ArgumentException($"plugin {name} is already registered");
        return this;
    }

    public IPlugin Create(string name, PluginHandle handle) =>
        _factories.TryGetValue(name, out var f) ? f(handle) : throw new ArgumentException($"plugin {name} is not registered");
}
