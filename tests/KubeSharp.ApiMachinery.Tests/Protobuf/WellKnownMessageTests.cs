using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Types that none of the kinds kubectl sends happen to use (MicroTime, Duration), decoded through the schema directly.
public sealed class WellKnownMessageTests
{
    private static JsonNode? Decode(string fullName, ProtoWriter body)
    {
        var message = ProtoSchema.Kubernetes.Find(fullName)!;
        Assert.Null(WellKnownMessages.Decode(body.ToArray(), message, 1, out var value));
        return value;
    }

    [Fact]
    public void MicroTimeKeepsMicroseconds() =>
        Assert.Equal("2024-01-02T03:04:05.123456Z",
            (string)Decode("k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime", new ProtoWriter().Int(1, 1704164645).Int(2, 123_456_789))!);

    [Fact]
    public void EmptyMicroTimeIsOmitted() =>
        Assert.Null(Decode("k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime", new ProtoWriter()));

    [Fact]
    public void ExplicitGoZeroTimeIsOmitted() =>
        Assert.Null(Decode("k8s.io.apimachinery.pkg.apis.meta.v1.Time", new ProtoWriter().Int(1, -62135596800).Int(2, 0)));

    [Fact]
    public void DurationIsGoText() =>
        Assert.Equal("1m30s", (string)Decode("k8s.io.apimachinery.pkg.apis.meta.v1.Duration", new ProtoWriter().Int(1, 90_000_000_000))!);

    [Fact]
    public void RawExtensionEmbedsJson() =>
        JsonAssert.Equal("""{"a": [1]}""", Decode("k8s.io.apimachinery.pkg.runtime.RawExtension", new ProtoWriter().String(1, """{"a":[1]}""")));

    [Fact]
    public void TimeOutOfRangeIsAnError()
    {
        var message = ProtoSchema.Kubernetes.Find("k8s.io.apimachinery.pkg.apis.meta.v1.Time")!;

        Assert.Contains("out of range", WellKnownMessages.Decode(new ProtoWriter().Int(1, long.MaxValue).ToArray(), message, 1, out _));
    }

    [Fact]
    public void RawExtensionThatIsNotJsonIsAnError()
    {
        var message = ProtoSchema.Kubernetes.Find("k8s.io.apimachinery.pkg.runtime.RawExtension")!;

        Assert.Contains("does not hold JSON", WellKnownMessages.Decode(new ProtoWriter().String(1, "k8s\0").ToArray(), message, 1, out _));
    }
}
