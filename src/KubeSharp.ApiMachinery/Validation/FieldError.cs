namespace KubeSharp.ApiMachinery.Validation;

/// <summary>Upstream's field.ErrorType values, as they appear in a 422 Status's details.causes[].reason.</summary>
public static class FieldErrorType
{
    public const string Required = "FieldValueRequired";
    public const string Invalid = "FieldValueInvalid";
    public const string Duplicate = "FieldValueDuplicate";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string NotFound = "FieldValueNotFound";
    public const string Internal = "InternalError";
}

/// <summary>
/// One validation failure. <see cref="Message"/> is the full cause message as upstream renders it, e.g.
/// <c>Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of ...</c> or <c>Required value</c>;
/// <see cref="Field"/> is the JSON path such as <c>spec.containers[0].image</c>.
/// </summary>
public sealed record FieldError(string Type, string Field, string Message)
{
    /// <summary>"spec.containers[0].image: Required value", the form upstream joins into the Status message.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
