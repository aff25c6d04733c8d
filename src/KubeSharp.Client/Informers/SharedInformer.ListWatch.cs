using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Informers;

public sealed partial class SharedInformer<T>
{
    /// <summary>A watch that ends this fast without a single event is treated as a failure, so it backs off.</summary>
    private static readonly TimeSpan ShortWatch = TimeSpan.FromMilliseconds(500);

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

    /// <summary>
    /// Watches from <paramref name="rv"/>, re-watching from the last seen resourceVersion whenever a stream ends.
    /// Returns true when a relist is needed (410 Gone or an unexpected server error), false when cancelled.
    /// </summary>
    private async Task<bool> WatchUntilRelistAsync(string rv, Backoff backoff, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            var events = 0;
            try
            {
                await foreach (var e in _client.WatchAsync(_options.Namespace, WatchOptions(rv), ct))
                {
                    if (e.Type == WatchEventType.Error)
                    {
                        var error = new KubeApiException(e.Error ?? new k8s.Models.V1Status { Code = 500 });
                        if (ApiErrors.IsGone(error))
                        {
                            InformerLog.WatchExpired(_logger, _client.Resource.QualifiedResource, rv);
                            return true;
                        }
                        throw error;
                    }
                    rv = Apply(e) ?? rv;
                    events++;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (KubeApiException e) when (ApiErrors.IsGone(e))
            {
                InformerLog.WatchExpired(_logger, _client.Resource.QualifiedResource, rv);
                return true;
            }
            catch (KubeApiException e)
            {
                // The server rejected the watch itself: start over with a list after backing off, as the reflector does.
                var delay = backoff.Next();
                InformerLog.WatchFailed(_logger, e, _client.Resource.QualifiedResource, rv, delay);
                return await DelayAsync(delay, ct);
            }
            catch (Exception e)
            {
                // Connection trouble: the cache is still good up to rv, so resume the watch there after backing off.
                var delay = backoff.Next();
                InformerLog.WatchFailed(_logger, e, _client.Resource.QualifiedResource, rv, delay);
                if (!await DelayAsync(delay, ct)) return false;
                continue;
            }

            if (events == 0 && _time.GetElapsedTime(started) < ShortWatch)
            {
                if (!await DelayAsync(backoff.Next(), ct)) return false;
                continue;
            }
            backoff.Reset();
            InformerLog.WatchEnded(_logger, _client.Resource.QualifiedResource, rv, events);
        }
        return false;
    }

    /// <summary>Applies one watch event to the cache and the handlers; returns the resourceVersion it carries.</summary>
    private string? Apply(WatchEvent<T> e)
    {
        var obj = e.Object;
        if (obj == null) return null;
        var rv = obj.Metadata?.ResourceVersion;
        if (e.Type == WatchEventType.Bookmark)
        {
            // A bookmark only moves the resume point forward, so a re-watch does not replay a long quiet window.
            if (!string.IsNullOrEmpty(rv)) _lastResourceVersion = rv;
            return rv;
        }
        WithTypeMeta(obj);
        lock (_dispatchLock)
        {
            if (e.Type == WatchEventType.Deleted)
            {
                if (_indexer.Delete(KubeObjects.KeyOf(obj)) != null)
                {
                    Dispatch(new Notification<T>(NotificationKind.Delete, obj, default, false));
                }
            }
            else
            {
                var old = _indexer.Upsert(obj);
                Dispatch(old == null
                    ? new Notification<T>(NotificationKind.Add, obj, default, false)
                    : new Notification<T>(NotificationKind.Update, obj, old, false));
            }
            if (!string.IsNullOrEmpty(rv)) _lastResourceVersion = rv;
        }
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
