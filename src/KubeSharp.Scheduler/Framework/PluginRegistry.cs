namespace KubeSharp.Scheduler.Framework;

/// <summary>
/// Plugin name → factory (upstream's in-tree registry); profiles name the plugins they enable. A factory gets the
/// plugin's arguments from the profile's pluginConfig (null when none were given: the plugin's defaults apply).
/// </summary>
public sealed class PluginRegistry
{
    private readonly Dictionary<string, Func<PluginHandle, object?, IPlugin>> _factories = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _factories.Keys;

    public PluginRegistry Register(string name, Func<PluginHandle, IPlugin> factory) => Register(name, (h, _) => factory(h));

    public PluginRegistry Register(string name, Func<PluginHandle, object?, IPlugin> factory)
    {
        if (!_factories.TryAdd(name, factory)) throw new ArgumentException($"plugin {name} is already registered");
        return this;
    }

    public bool Contains(string name) => _factories.ContainsKey(name);

    public IPlugin Create(string name, PluginHandle handle, object? args = null) =>
        _factories.TryGetValue(name, out var f) ? f(handle, args) : throw new ArgumentException($"plugin {name} is not registered");
}
