namespace KubeSharp.Scheduler.Framework;

/// <summary>Every plugin has a name (a constant in <see cref="Plugins.PluginNames"/>) and implements the extension points it needs.</summary>
public interface IPlugin
{
    string Name { get; }
}
