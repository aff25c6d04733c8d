using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.Client.Rest;

namespace KubeSharp.Client.Events;

public sealed partial class EventRecorder
{
    // Only the writer loop touches these, so they need no lock.
    private readonly Dictionary<string, AggregatedEvent> _written = new(StringComparer.Ordinal);
    private readonly Queue<string> _writtenOrder = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);

    private async Task WriteLoopAsync()
    {
        await foreach (var e in _queue.Reader.ReadAllAsync())
        {
            var who = Describe(e.InvolvedObject);
            if (!Bucket(e).TryTake())
            {
                EventRecorderLog.Dropped(_logger, e.Reason, who, "rate limited");
                continue;
            }
            await WriteWithRetriesAsync(e, who);
        }
    }

    /// <summary>
    /// client-go's recordToSink: a write the server never answered (connection refused or reset, a stream torn down
    /// under load) is tried again, up to <see cref="EventRecorderOptions.MaxTriesPerEvent"/> times; an answer, even an
    /// error, ends it. Events are best effort: the last failure is logged, never retried forever.
    /// </summary>
    private async Task WriteWithRetriesAsync(Corev1Event e, string who)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(e, _abort.Token);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && attempt < _options.MaxTriesPerEvent && !_abort.IsCancellationRequested)
            {
                EventRecorderLog.WillRetry(_logger, ex.Message, e.Reason, who, attempt);
                var wait = attempt == 1 ? _options.RetryInterval * Random.Shared.NextDouble() : _options.RetryInterval;
                try
                {
                    await Task.Delay(wait, _time, _abort.Token);
                }
                catch (OperationCanceledException)
                {
                    EventRecorderLog.WriteFailed(_logger, ex, e.Reason, who);
                    return;
                }
            }
            catch (Exception ex) when (ex is KubeApiException or HttpRequestException or OperationCanceledException or IOException)
            {
                EventRecorderLog.WriteFailed(_logger, ex, e.Reason, who);
                return;
            }
        }
    }

    private async Task WriteAsync(Corev1Event e, CancellationToken ct)
    {
        var key = AggregationKey(e);
        if (_written.TryGetValue(key, out var seen))
        {
            var count = seen.Count + 1;
            var patch = new JsonObject
            {
                ["count"] = count,
                ["lastTimestamp"] = e.LastTimestamp!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["message"] = e.Message,
            };
            try
            {
                await _events.PatchAsync(seen.Namespace, seen.Name, PatchType.Merge, patch.ToJsonString(), ct: ct);
                _written[key] = seen with { Count = count };
                return;
            }
            catch (KubeApiException ex) when (ApiErrors.IsNotFound(ex))
            {
                // The event expired (events have a TTL) or was deleted: start a new one that carries the history.
                e.Count = count;
                e.FirstTimestamp = seen.FirstTimestamp;
            }
        }
        var created = await _events.CreateAsync(e, ct);
        Remember(key, new AggregatedEvent(created.Namespace(), created.Name(), created.Count ?? 1, created.FirstTimestamp ?? e.FirstTimestamp!.Value));
    }

    private void Remember(string key, AggregatedEvent entry)
    {
        if (!_written.ContainsKey(key)) _writtenOrder.Enqueue(key);
        _written[key] = entry;
        // Oldest-first eviction: an evicted group merely starts a fresh Event on its next repeat.
        while (_written.Count > _options.MaxAggregationEntries && _writtenOrder.TryDequeue(out var old)) _written.Remove(old);
    }

    private TokenBucket Bucket(Corev1Event e)
    {
        var r = e.InvolvedObject;
        var key = $"{e.Source.Component}\x00{e.Source.Host}\x00{r.Kind}\x00{r.NamespaceProperty}\x00{r.Name}\x00{r.Uid}";
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            if (_buckets.Count >= _options.MaxAggregationEntries) _buckets.Clear();
            _buckets[key] = bucket = new TokenBucket(_options.BurstPerObject, _options.RefillInterval, _time);
        }
        return bucket;
    }

    /// <summary>client-go's getEventKey: same source, object, type, reason and message make one Event.</summary>
    private static string AggregationKey(Corev1Event e)
    {
        var r = e.InvolvedObject;
        return string.Join('\x00', e.Source.Component, e.Source.Host, r.Kind, r.NamespaceProperty, r.Name, r.Uid, r.ApiVersion,
            e.Type, e.Reason, e.Message);
    }
}
