using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Http;

/// <summary>Constructors for the Status errors upstream returns, worded as upstream words them
/// (k8s.io/apimachinery/pkg/api/errors), so kubectl renders them the same way.</summary>
public static class Errors
{
    public static StatusException NotFound(ResourceInfo r, string name) =>
        NotFound(r.Group, r.Resource, name);

    public static StatusException NotFound(string group, string resource, string name) =>
        new(404, "NotFound", $"{Qualified(group, resource)} \"{name}\" not found")
        { DetailsName = name, DetailsGroup = group, DetailsKind = resource };

    public static StatusException AlreadyExists(ResourceInfo r, string name) =>
        new(409, "AlreadyExists", $"{r.QualifiedResource} \"{name}\" already exists")
        { DetailsName = name, DetailsGroup = r.Group, DetailsKind = r.Resource };

    public static StatusException Conflict(ResourceInfo r, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {r.QualifiedResource} \"{name}\": {why}")
        { DetailsName = name, DetailsGroup = r.Group, DetailsKind = r.Resource };

    public static StatusException ObjectModified(ResourceInfo r, string name) =>
        Conflict(r, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static StatusException Invalid(ResourceInfo r, string name, IReadOnlyList<FieldError> errors)
    {
        var list = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        return new StatusException(422, "Invalid", $"{r.Kind} \"{name}\" is invalid: {list}")
        { DetailsName = name, DetailsGroup = r.Group, DetailsKind = r.Kind, Causes = errors };
    }

    public static StatusException BadRequest(string message) => new(400, "BadRequest", message);

    public static StatusException Forbidden(ResourceInfo r, string name, string why) =>
        new(403, "Forbidden", $"{r.QualifiedResource} \"{name}\" is forbidden: {why}")
        { DetailsName = name, DetailsGroup = r.Group, DetailsKind = r.Resource };

    public static StatusException MethodNotSupported(ResourceInfo r, string action) =>
        new(405, "MethodNotAllowed", $"{action} is not supported on resources of kind \"{r.QualifiedResource}\"")
        { DetailsGroup = r.Group, DetailsKind = r.Resource };

    public static StatusException NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static StatusException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");

    public static StatusException RequestEntityTooLarge() =>
        new(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");

    public static StatusException Gone(string message) => new(410, "Expired", message);

    public static StatusException TooOldResourceVersion(long requested, long oldest) =>
        Gone($"too old resource version: {requested} ({oldest})");

    public static StatusException Timeout(string message, int retryAfter = 1) =>
        new(504, "Timeout", message) { RetryAfterSeconds = retryAfter };

    public static StatusException Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static StatusException PathNotFound() =>
        new(404, "NotFound", "the server could not find the requested resource");

    public static StatusException Internal(string message) => new(500, "InternalError", message);

    public static StatusException ServiceUnavailable(string message) => new(503, "ServiceUnavailable", message);

    private static string Qualified(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";
}
