using KubeSharp.ApiMachinery.Resources;

namespace KubeSharp.ApiServer.Http;

/// <summary>Parses resource paths: /api/v1/[namespaces/{ns}/]{resource}[/{name}[/{subresource}]] and the /apis/{group}/{version}
/// equivalents, including the legacy /watch/ prefix. Returns null for anything that is not a resource path.</summary>
public static class RequestParser
{
    public static ApiRequestInfo? Parse(string method, string path, bool watchParam)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        int i;
        string group;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            group = "";
            if (segments[1] != "v1") return null;
            i = 2;
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            group = segments[1];
            if (segments[2] != "v1") return null;
            i = 3;
        }
        else
        {
            return null;
        }

        var legacyWatch = false;
        if (segments[i] == "watch")
        {
            legacyWatch = true;
            i++;
            if (i >= segments.Length) return null;
        }

        var rest = segments.AsSpan(i);
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces" && !(rest.Length == 3 && rest[2] is "status" or "finalize"))
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var resource = ResourceTable.Find(group, rest[0]);
        if (resource == null || rest.Length > 3) return null;
        if (ns != null && !resource.Namespaced) return null;
        var name = rest.Length >= 2 ? rest[1] : null;
        var sub = rest.Length == 3 ? rest[2] : null;
        if (sub != null && !resource.HasSubresource(sub)) return null;

        var verb = method switch
        {
            "GET" or "HEAD" when name == null => legacyWatch || watchParam ? "watch" : "list",
            "GET" or "HEAD" => legacyWatch || watchParam ? "watch" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" when name == null => "deletecollection",
            "DELETE" => "delete",
            _ => "unsupported",
        };
        return new ApiRequestInfo(resource, ns, name, sub, verb);
    }
}
