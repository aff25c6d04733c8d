using System.Text.Json;

namespace KubeSharp.ApiMachinery.Printing;

/// <summary>
/// Writes the printer-owned parts of a meta.k8s.io/v1 Table straight into a Utf8JsonWriter: the column definitions
/// and a row's cells (strings, integers as JSON numbers, booleans). The caller writes the envelope (kind,
/// apiVersion, metadata) and each row's "object".
/// </summary>
public static class TableJson
{
    public static void WriteColumnDefinitions(Utf8JsonWriter writer, IReadOnlyList<TableColumn> columns)
    {
        writer.WriteStartArray("columnDefinitions");
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteString("format", column.Format);
            writer.WriteString("description", column.Description);
            writer.WriteNumber("priority", column.Priority);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static void WriteCells(Utf8JsonWriter writer, object?[] cells)
    {
        writer.WriteStartArray("cells");
        foreach (var cell in cells)
        {
            switch (cell)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                default:
                    writer.WriteStringValue(cell.ToString());
                    break;
            }
        }
        writer.WriteEndArray();
    }
}
