using System.Text;
using System.Text.Json;
using KubeSharp.ApiMachinery.Printing;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class TableJsonTests
{
    [Fact]
    public void Writes_column_definitions_and_typed_cells()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            TableJson.WriteColumnDefinitions(writer, [new TableColumn("Name", "string", "name", "d"), new TableColumn("IP", "string", "", "", 1)]);
            TableJson.WriteCells(writer, ["web", 3L, true, null]);
            writer.WriteEndObject();
        }
        Assert.Equal(
            """{"columnDefinitions":[{"name":"Name","type":"string","format":"name","description":"d","priority":0},{"name":"IP","type":"string","format":"","description":"","priority":1}],"cells":["web",3,true,null]}""",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
