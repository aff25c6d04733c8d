using System.Text.Json;

namespace KubeSharp.ApiServer.Http;

/// <summary>Writes metav1.Status bodies. k8s.Models' V1Status converter cannot serialize, so this is our own.</summary>
public static class StatusWriter
{
    public static byte[] Failure(StatusException e)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "Status");
            w.WriteString("apiVersion", "v1");
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteString("status", "Failure");
            w.WriteString("message", e.Message);
            w.WriteString("reason", e.Reason);
            var hasCauses = e.Causes is { Count: > 0 };
            if (e.DetailsName != null || e.DetailsKind != null || e.DetailsGroup is { Length: > 0 } || hasCauses || e.RetryAfterSeconds != null)
            {
                w.WriteStartObject("details");
                if (e.DetailsName != null) w.WriteString("name", e.DetailsName);
                if (e.DetailsGroup is { Length: > 0 }) w.WriteString("group", e.DetailsGroup);
                if (e.DetailsKind != null) w.WriteString("kind", e.DetailsKind);
                if (e.DetailsUid != null) w.WriteString("uid", e.DetailsUid);
                if (hasCauses)
                {
                    w.WriteStartArray("causes");
                    foreach (var c in e.Causes ?? [])
                    {
                        w.WriteStartObject();
                        w.WriteString("reason", c.Type);
                        w.WriteString("message", c.Message);
                        w.WriteString("field", c.Field);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                if (e.RetryAfterSeconds is { } retry) w.WriteNumber("retryAfterSeconds", retry);
                w.WriteEndObject();
            }
            w.WriteNumber("code", e.Code);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The Success Status a DELETE returns when the object is gone immediately.</summary>
    public static byte[] Success(string name, string group, string kind, string? uid)
    {
        using var buffer = new MemoryStream(200);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "Status");
            w.WriteString("apiVersion", "v1");
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteString("status", "Success");
            w.WriteStartObject("details");
            w.WriteString("name", name);
            if (group.Length > 0) w.WriteString("group", group);
            w.WriteString("kind", kind);
            if (uid != null) w.WriteString("uid", uid);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A bare Success Status (the answer to pods/binding and evictions).</summary>
    public static byte[] SuccessPlain() => "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\",\"code\":201}"u8.ToArray();
}
