using System.Reflection;
using System.Text.Json.Serialization;
using KubeSharp.ApiMachinery.OpenApi;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// Column descriptions: upstream takes most of them from the API field docs (SwaggerDoc()), which the
/// KubernetesClient package ships as XML docs; looked up by JSON field name.
/// </summary>
internal static class ColumnDocs
{
    public static string Field<T>(string jsonName) => Field(typeof(T), jsonName);

    public static string Field(Type type, string jsonName)
    {
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName)
            {
                return ModelDocs.ForProperty(type, property.Name);
            }
        }
        return "";
    }
}
