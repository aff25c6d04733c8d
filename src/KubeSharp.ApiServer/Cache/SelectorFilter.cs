using KubeSharp.ApiMachinery.Resources;
using KubeSharp.ApiMachinery.Selectors;
using KubeSharp.ApiServer.Http;
using KubeSharp.ApiServer.Registry;

namespace KubeSharp.ApiServer.Cache;

/// <summary>Namespace + label selector + field selector, as one filter for lists and watches.</summary>
public sealed class SelectorFilter : IObjectFilter
{
    private readonly string? _namespace;
    private readonly LabelSelector _labels;
    private readonly FieldSelector _fields;

    private SelectorFilter(string? ns, LabelSelector labels, FieldSelector fields)
    {
        _namespace = ns;
        _labels = labels;
        _fields = fields;
    }

    public static SelectorFilter Everything { get; } = new(null, LabelSelector.Everything, FieldSelector.Everything);

    public bool HasSelectors => !_labels.IsEmpty || !_fields.IsEmpty;

    /// <summary>Parses the selectors of a list or watch; a bad selector or an unsupported field is a 400.</summary>
    public static SelectorFilter Create(ResourceInfo resource, string? ns, string? labelSelector, string? fieldSelector)
    {
        LabelSelector labels;
        FieldSelector fields;
        try
        {
            labels = LabelSelector.Parse(labelSelector);
            fields = FieldSelector.Parse(fieldSelector);
        }
        catch (SelectorParseException e)
        {
            throw Errors.BadRequest(e.Message);
        }
        var supported = SelectableFields.Supported(resource);
        foreach (var r in fields.Requirements)
        {
            if (r.Field is not ("metadata.name" or "metadata.namespace") && !supported.Contains(r.Field))
            {
                throw Errors.BadRequest($"field label not supported: {r.Field}");
            }
        }
        return new SelectorFilter(ns, labels, fields);
    }

    public bool Matches(CachedObject obj)
    {
        if (_namespace != null && obj.Namespace != _namespace) return false;
        if (!_labels.IsEmpty && !_labels.Matches(obj.Labels)) return false;
        return _fields.IsEmpty || _fields.Matches(new CachedFieldSource(obj));
    }

    private readonly struct CachedFieldSource(CachedObject obj) : IFieldSource
    {
        public string? GetField(string field) => obj.GetField(field) ?? "";
    }
}
