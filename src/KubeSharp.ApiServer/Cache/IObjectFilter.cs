namespace KubeSharp.ApiServer.Cache;

/// <summary>Decides whether a cached object belongs to a list or watch (namespace, label and field selectors).</summary>
public interface IObjectFilter
{
    bool Matches(CachedObject obj);
}
