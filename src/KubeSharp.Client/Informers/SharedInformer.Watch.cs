using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Informers;

public sealed partial class SharedInformer<T>
{
    /// <summary>A watch that ends this fast without a single event is treated as a failure, so it backs off.</summary>
    private static readonly TimeSpan ShortWatch = TimeSpan.FromMilliseconds(500);

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
}
