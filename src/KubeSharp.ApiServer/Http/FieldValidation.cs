namespace KubeSharp.ApiServer.Http;

/// <summary>The fieldValidation query parameter. Upstream's default, when a client sends none, is Warn.</summary>
public enum FieldValidation
{
    Ignore,
    Warn,
    Strict,
}
