using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace KubeSharp.ApiServer.Http;

/// <summary>Typed access to the query parameters the API understands; bad values are 400s.</summary>
public sealed class QueryOptions(IQueryCollection query)
{
    public string? Get(string name)
    {
        var v = query[name];
        return v.Count == 0 ? null : v[^1];
    }

    public bool Bool(string name)
    {
        var v = Get(name);
        if (v == null) return false;
        return v.Length == 0 || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1";
    }

    public long? Long(string name)
    {
        var v = Get(name);
        if (string.IsNullOrEmpty(v)) return null;
        if (!long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            throw Errors.BadRequest($"invalid value for {name}: \"{v}\": must be an integer");
        }
        return l;
    }

    public bool DryRun
    {
        get
        {
            var values = query["dryRun"];
            foreach (var v in values)
            {
                if (v != "All") throw Errors.BadRequest($"Invalid dry run value: \"{v}\": supported values: \"All\"");
            }
            return values.Count > 0;
        }
    }

    public FieldValidation FieldValidation => Get("fieldValidation") switch
    {
        null or "" or "Warn" => FieldValidation.Warn,
        "Strict" => FieldValidation.Strict,
        "Ignore" => FieldValidation.Ignore,
        var v => throw Errors.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"{v}\""),
    };

    public string? FieldManager
    {
        get
        {
            var v = Get("fieldManager");
            if (v != null && v.Length > 128) throw Errors.BadRequest("fieldManager: Too long: may not be longer than 128");
            return v;
        }
    }
}
