using k8s.Models;
using KubeSharp.ApiMachinery.OpenApi;
using KubeSharp.ApiMachinery.Printing;
using KubeSharp.ApiMachinery.Resources;
using static KubeSharp.ApiMachinery.Tests.Printing.Fixtures;

namespace KubeSharp.ApiMachinery.Tests.Printing;

public class TablePrintersTests
{
    public static TheoryData<string> Resources() => new(ResourceTable.Resources.Select(r => r.QualifiedResource));

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_resource_prints_one_cell_per_column_from_an_empty_object(string qualifiedResource)
    {
        var resource = ResourceTable.Resources.Single(r => r.QualifiedResource == qualifiedResource);
        var printer = TablePrinters.For(resource);
        var obj = Activator.CreateInstance(resource.ModelType)!;
        var cells = printer.Cells(obj, Now);
        Assert.Equal(printer.Columns.Count, cells.Length);
        Assert.Contains(printer.Columns, c => c.Name == "Name" && c.Format == "name");
        Assert.All(printer.Columns, c => Assert.Contains(c.Type, new[] { "string", "integer", "boolean", "date" }));
    }

    [Theory]
    [InlineData("limitranges")]
    [InlineData("bindings")]
    [InlineData("selfsubjectaccessreviews.authorization.k8s.io")]
    public void Resources_without_an_upstream_printer_get_the_default_table(string qualifiedResource)
    {
        var resource = ResourceTable.Resources.Single(r => r.QualifiedResource == qualifiedResource);
        Assert.False(TablePrinters.HasPrinter(resource));
        var printer = TablePrinters.For(resource);
        Assert.Equal(["Name", "Created At"], printer.Columns.Select(c => c.Name));
        Assert.Equal("date", printer.Columns[1].Type);
    }

    [Fact]
    public void Default_table_prints_rfc3339_creation_time()
    {
        var limitRange = new V1LimitRange { Metadata = Meta("limits", TimeSpan.FromHours(1)) };
        Assert.Equal(["limits", "2026-01-10T11:00:00Z"], TablePrinters.For(typeof(V1LimitRange)).Cells(limitRange, Now));
    }

    [Fact]
    public void Printers_are_shared_instances() =>
        Assert.Same(TablePrinters.For(typeof(V1Pod)), TablePrinters.For(ResourceTable.Find("", "pods")!));

    [Fact]
    public void Wrong_object_type_is_rejected() =>
        Assert.Throws<ArgumentException>(() => TablePrinters.For(typeof(V1Pod)).Cells(new V1Node(), Now));

    [Fact]
    public void Column_descriptions_come_from_the_api_docs()
    {
        Assert.True(ModelDocs.Available, "KubernetesClient.xml was not found");
        var name = TablePrinters.For(typeof(V1Pod)).Columns[0];
        Assert.StartsWith("Name must be unique within a namespace.", name.Description);
        var ip = TablePrinters.For(typeof(V1Pod)).Columns[5];
        Assert.NotEqual("", ip.Description);
    }

    [Fact]
    public void Age_of_a_missing_timestamp_is_unknown()
    {
        var cells = TablePrinters.For(typeof(V1Namespace)).Cells(new V1Namespace { Metadata = new V1ObjectMeta { Name = "x" } }, Now);
        Assert.Equal("<unknown>", cells[2]);
    }
}
