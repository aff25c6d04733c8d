namespace KubeSharp.Client.Rest;

/// <summary>Classifies failures the way client-go's apierrors helpers do: by Status reason, falling back to the code.</summary>
public static class ApiErrors
{
    public static bool IsNotFound(Exception e) => Is(e, "NotFound", 404);

    public static bool IsAlreadyExists(Exception e) => Is(e, "AlreadyExists", 409);

    /// <summary>An optimistic-concurrency failure (stale resourceVersion): re-read and retry.</summary>
    public static bool IsConflict(Exception e) => e is KubeApiException k && k.Code == 409 && k.Reason != "AlreadyExists";

    /// <summary>410 Gone: the resourceVersion was compacted away; the caller must relist.</summary>
    public static bool IsGone(Exception e) => e is KubeApiException k && (k.Code == 410 || k.Reason is "Expired" or "Gone");

    public static bool IsInvalid(Exception e) => Is(e, "Invalid", 422);

    public static bool IsForbidden(Exception e) => Is(e, "Forbidden", 403);

    public static bool IsTooManyRequests(Exception e) => Is(e, "TooManyRequests", 429);

    private static bool Is(Exception e, string reason, int code) =>
        e is KubeApiException k && (k.Reason == reason || (k.Reason.Length == 0 && k.Code == code));
}
