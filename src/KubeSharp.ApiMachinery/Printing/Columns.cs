using k8s.Models;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>Column definitions that recur across printers, built the way upstream declares them.</summary>
internal static class Columns
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Boolean = "boolean";

    public static TableColumn Name() =>
        new("Name", String, "name", ColumnDocs.Field<V1ObjectMeta>("name"));

    public static TableColumn Age() =>
        new("Age", String, "", ColumnDocs.Field<V1ObjectMeta>("creationTimestamp"));

    public static TableColumn Containers(int priority = 1) =>
        new("Containers", String, "", "Names of each container in the template.", priority);

    public static TableColumn Images(int priority = 1) =>
        new("Images", String, "", "Images referenced by each container in the template.", priority);

    public static TableColumn Of<T>(string name, string type, string jsonField, int priority = 0) =>
        new(name, type, "", ColumnDocs.Field<T>(jsonField), priority);

    public static TableColumn Text(string name, string type, string description, int priority = 0) =>
        new(name, type, "", description, priority);
}
