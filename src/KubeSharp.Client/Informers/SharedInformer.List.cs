using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Informers;

public sealed partial class SharedInformer<T>
{
    private async Task ListAndWatchLoopAsync(CancellationToken ct)
    {
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff, Random.Shared);
        while (!ct.IsCancellationRequested)
        {
            string rv;
            try
            {
                rv = await ListAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                InformerLog.ListFailed(_logger, e, _client.Resource.QualifiedResource, delay);
                if (!await DelayAsync(delay, ct)) return;
                continue;
            }
            backoff.Reset();
            if (!await WatchUntilRelistAsync(rv, backoff, ct)) return;
        }
    }

    /// <summary>Lists page by page, then swaps the cache content and reports the difference to the handlers.</summary>
    private async Task<string> ListAsync(CancellationToken ct)
    {
        var items = new List<T>();
        string? next = null;
        string rv;
        do
        {
            var page = await _client.ListAsync(_options.Namespace, Selectors() with { Limit = _options.PageSize, Continue = next }, ct);
            foreach (var item in page.Items) items.Add(WithTypeMeta(item));
            next = page.Metadata.ContinueProperty;
            rv = page.Metadata.ResourceVersion ?? "";
        }
        while (!string.IsNullOrEmpty(next));

        lock (_dispatchLock)
        {
            var previous = _indexer.Replace(items);
            foreach (var item in items)
            {
                Dispatch(previous.Remove(KubeObjects.KeyOf(item), out var old)
                    ? new Notification<T>(NotificationKind.Update, item, old, false)
                    : new Notification<T>(NotificationKind.Add, item, default, false));
            }
            // Whatever the cache held but the list lacks was deleted while we were not watching.
            foreach (var gone in previous.Values) Dispatch(new Notification<T>(NotificationKind.Delete, gone, default, true));
            _lastResourceVersion = rv;
        }
        Interlocked.Increment(ref _listCount);
        InformerLog.Listed(_logger, _client.Resource.QualifiedResource, items.Count, rv);
        _synced.TrySetResult();
        return rv;
    }

    private ListOptions Selectors() => new() { LabelSelector = _options.LabelSelector, FieldSelector = _options.FieldSelector };

    private ListOptions WatchOptions(string rv)
    {
        // Spread watch lifetimes over [min, 2×min] so that many clients do not all re-watch at the same moment.
        var seconds = (long)Math.Ceiling(_options.MinWatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        return Selectors() with { ResourceVersion = rv, AllowWatchBookmarks = true, TimeoutSeconds = Math.Max(1, seconds) };
    }

    /// <summary>List items come without kind/apiVersion; filling them in saves every consumer (event recorder, owner refs) a lookup.</summary>
    private T WithTypeMeta(T obj)
    {
        // Every object from a list or a watch passes here first, so this is also where the transform applies.
        _options.Transform?.Invoke(obj);
        if (string.IsNullOrEmpty(obj.Kind)) obj.Kind = _client.Resource.Kind;
        if (string.IsNullOrEmpty(obj.ApiVersion)) obj.ApiVersion = _client.Resource.GroupVersion;
        return obj;
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
