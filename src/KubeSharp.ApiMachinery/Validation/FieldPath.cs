namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// A JSON field path rendered the way upstream's field.Path prints it: <c>spec.containers[0].image</c>,
/// <c>metadata.labels[app]</c>. Immutable; every step returns a new path.
/// </summary>
public readonly record struct FieldPath(string Value)
{
    public static FieldPath Root(string name) => new(name);

    public FieldPath Child(string name) => new(Value.Length == 0 ? name : $"{Value}.{name}");

    public FieldPath Child(string name, params string[] more)
    {
        var path = Child(name);
        foreach (var part in more)
        {
            path = path.Child(part);
        }
        return path;
    }

    public FieldPath Index(int index) => new($"{Value}[{index}]");

    public FieldPath Key(string key) => new($"{Value}[{key}]");

    public override string ToString() => Value;
}
