using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KubeSharp.Client.Tests.Infrastructure;

/// <summary>
/// A scripted API server for reflector unit tests: lists and watches are answered from queues of canned responses;
/// a watch with nothing scripted stays open (silent) until the client cancels it. Records every request URI.
/// </summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpStatusCode Code, string Body)> _lists = new();
    private readonly ConcurrentQueue<(HttpStatusCode Code, string Body)> _watches = new();
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyList<Uri> Requests => _requests.ToArray();

    public IReadOnlyList<Uri> WatchRequests => Requests.Where(u => u.Query.Contains("watch=true", StringComparison.Ordinal)).ToArray();

    public void ScriptList(string resourceVersion, params string[] itemsJson) =>
        _lists.Enqueue((HttpStatusCode.OK,
            $$"""{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"{{resourceVersion}}"},"items":[{{string.Join(',', itemsJson)}}]}"""));

    /// <summary>A watch response that sends these events, one per line, and then ends.</summary>
    public void ScriptWatch(params string[] eventsJson) => _watches.Enqueue((HttpStatusCode.OK, string.Join('\n', eventsJson) + "\n"));

    public void ScriptWatchFailure(HttpStatusCode code, string reason) =>
        _watches.Enqueue((code, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{reason}}","code":{{(int)code}}}"""));

    public static string ConfigMap(string name, string rv) =>
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"ns","resourceVersion":"{{{rv}}}"}}""";

    public static string Event(string type, string objectJson) => $$"""{"type":"{{type}}","object":{{objectJson}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        _requests.Enqueue(uri);
        var watch = uri.Query.Contains("watch=true", StringComparison.Ordinal);
        if ((watch ? _watches : _lists).TryDequeue(out var scripted))
        {
            return new HttpResponseMessage(scripted.Code) { Content = new StringContent(scripted.Body, Encoding.UTF8, "application/json") };
        }
        if (!watch) throw new InvalidOperationException($"unscripted list {uri}");
        // Nothing scripted: an idle watch that lasts until the informer stops.
        await Task.Delay(Timeout.Infinite, ct);
        throw new OperationCanceledException(ct);
    }
}
