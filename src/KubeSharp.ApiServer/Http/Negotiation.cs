namespace KubeSharp.ApiServer.Http;

/// <summary>What representation the Accept header asks for. JSON is always acceptable to our clients (kubectl sends
/// protobuf first with JSON as fallback); a Table is served when meta.k8s.io/v1 (or v1beta1) Table is requested.</summary>
public readonly record struct Negotiation(bool Table, string TableVersion, bool IncludeObject)
{
    public static Negotiation From(string? accept, string? includeObject)
    {
        if (accept != null && accept.Contains("as=Table", StringComparison.Ordinal))
        {
            foreach (var part in accept.Split(','))
            {
                if (!part.Contains("as=Table", StringComparison.Ordinal) || !part.Contains("g=meta.k8s.io", StringComparison.Ordinal)) continue;
                var version = part.Contains("v=v1beta1", StringComparison.Ordinal) ? "v1beta1" : "v1";
                return new Negotiation(true, version, includeObject == "Object");
            }
        }
        if (accept != null && !AcceptsJson(accept))
        {
            throw Errors.NotAcceptable("only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf");
        }
        return default;
    }

    private static bool AcceptsJson(string accept)
    {
        foreach (var part in accept.Split(','))
        {
            var media = part.Split(';')[0].Trim();
            if (media is "application/json" or "*/*" or "application/*" or "" or "application/vnd.kubernetes.protobuf;stream=watch") return true;
            // Protobuf is accepted as a request but not produced: a protobuf-only client is refused with 406.
        }
        return false;
    }
}
