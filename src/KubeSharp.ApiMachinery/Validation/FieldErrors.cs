namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// Constructors mirroring upstream's field.Required/Invalid/NotSupported/... so that every message reads exactly as
/// the real API server renders it (ErrorBody: the type's text, then the quoted value where upstream shows one, then
/// ": detail").
/// </summary>
public static class FieldErrors
{
    public const string ImmutableDetail = "field is immutable";

    public static FieldError Required(FieldPath path, string detail = "") =>
        new(FieldErrorType.Required, path.Value, WithDetail("Required value", detail));

    public static FieldError Invalid(FieldPath path, object? value, string detail) =>
        new(FieldErrorType.Invalid, path.Value, WithDetail("Invalid value: " + GoFormat.Value(value), detail));

    /// <summary>upstream's NotSupported: the supported values are quoted and joined with ", " in the order given.</summary>
    public static FieldError NotSupported(FieldPath path, object? value, IEnumerable<string> supported)
    {
        var list = string.Join(", ", supported.Select(GoFormat.Quote));
        var detail = list.Length == 0 ? "" : "supported values: " + list;
        return new(FieldErrorType.NotSupported, path.Value, WithDetail("Unsupported value: " + GoFormat.Value(value), detail));
    }

    public static FieldError Duplicate(FieldPath path, object? value) =>
        new(FieldErrorType.Duplicate, path.Value, "Duplicate value: " + GoFormat.Value(value));

    public static FieldError Forbidden(FieldPath path, string detail) =>
        new(FieldErrorType.Forbidden, path.Value, WithDetail("Forbidden", detail));

    /// <summary>upstream 1.32's TooLong omits the value and states the byte limit.</summary>
    public static FieldError TooLong(FieldPath path, int maxLength) =>
        new(FieldErrorType.TooLong, path.Value,
            WithDetail("Too long", maxLength >= 0 ? $"may not be more than {maxLength} bytes" : "value is too long"));

    public static FieldError TooMany(FieldPath path, int actual, int max) =>
        new(FieldErrorType.TooMany, path.Value, $"Too many: {actual}: must have at most {max} items");

    public static FieldError NotFound(FieldPath path, object? value) =>
        new(FieldErrorType.NotFound, path.Value, "Not found: " + GoFormat.Value(value));

    public static FieldError Immutable(FieldPath path, object? value) => Invalid(path, value, ImmutableDetail);

    private static string WithDetail(string body, string detail) => detail.Length == 0 ? body : $"{body}: {detail}";
}
