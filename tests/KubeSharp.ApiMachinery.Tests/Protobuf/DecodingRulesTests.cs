using System.Text.Json.Nodes;
using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Hand-built bodies for the rules real captures do not reach: unknown fields, packed and negative numbers,
// times, merges, map entries without a value, embedded JSON.
public sealed class DecodingRulesTests
{
    private static JsonObject Decode(string apiVersion, string kind, ProtoWriter obj)
    {
        Assert.True(KubeProtobuf.TryDecode(ProtoWriter.Envelope(apiVersion, kind, obj), out var result, out var error), error);
        return result;
    }

    private static JsonObject Deployment(ProtoWriter spec) => Decode("apps/v1", "Deployment", new ProtoWriter().Message(2, spec));

    [Fact]
    public void UnknownFieldsOfEveryWireTypeAreSkipped()
    {
        var plain = new ProtoWriter().Message(1, new ProtoWriter().String(1, "web"));
        var withUnknown = new ProtoWriter()
            .Int(90, 7).Fixed32(91, 7).Fixed64(92, 7).String(93, "x").Message(94, new ProtoWriter().Int(1, 1))
            .Message(1, new ProtoWriter().String(1, "web").Int(99, 3));

        JsonAssert.Equal(Decode("v1", "Namespace", plain).ToJsonString(), Decode("v1", "Namespace", withUnknown));
    }

    [Fact]
    public void PointerZeroIsKeptAndOmitEmptyZeroIsDropped()
    {
        // replicas is *int32 (kept); minReadySeconds and paused are omitempty values (dropped); revisionHistoryLimit is *int32.
        var spec = Deployment(new ProtoWriter().Int(1, 0).Int(5, 0).Bool(7, false).Int(6, 0))["spec"]!;

        JsonAssert.Equal("""{"replicas": 0, "revisionHistoryLimit": 0}""", spec);
    }

    [Fact]
    public void NegativeInt32ArrivesAsTenByteVarint() =>
        Assert.Equal(-1, (int)Deployment(new ProtoWriter().Int(1, -1))["spec"]!["replicas"]!);

    [Fact]
    public void RepeatedNumbersMayBePackedOrNot()
    {
        var packed = new ProtoWriter().RawVarint(1).RawVarint(2).RawVarint(300);
        var securityContext = new ProtoWriter().Bytes(4, packed.ToArray()).Int(4, 4);
        var pod = Decode("v1", "Pod", new ProtoWriter().Message(2, new ProtoWriter().Message(14, securityContext)));

        JsonAssert.Equal("""{"supplementalGroups": [1, 2, 300, 4]}""", pod["spec"]!["securityContext"]);
    }

    [Fact]
    public void EmptyPackedRunAddsNoArray()
    {
        var pod = Decode("v1", "Pod", new ProtoWriter().Message(2, new ProtoWriter().Message(14, new ProtoWriter().Bytes(4, []))));

        JsonAssert.Equal("{}", pod["spec"]!["securityContext"]);
    }

    [Fact]
    public void TimesAreRfc3339SecondsAndEmptyTimesAreOmitted()
    {
        var metadata = new ProtoWriter()
            .Message(8, new ProtoWriter().Int(1, 1704164645).Int(2, 999_000_000))
            .Message(9, new ProtoWriter());
        var obj = Decode("v1", "Namespace", new ProtoWriter().Message(1, metadata));

        JsonAssert.Equal("""{"creationTimestamp": "2024-01-02T03:04:05Z"}""", obj["metadata"]);
    }

    [Fact]
    public void IntOrStringTakesTheFormItsTypeNames()
    {
        var rollingUpdate = new ProtoWriter()
            .Message(1, new ProtoWriter().Int(1, 1).String(3, "25%"))
            .Message(2, new ProtoWriter().Int(1, 0).Int(2, 2));
        var spec = Deployment(new ProtoWriter().Message(4, new ProtoWriter().String(1, "RollingUpdate").Message(2, rollingUpdate)))["spec"]!;

        JsonAssert.Equal("""{"strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": 2}}}""", spec);
    }

    [Fact]
    public void AMessageThatOccursTwiceIsMerged()
    {
        var obj = Decode("v1", "Namespace", new ProtoWriter()
            .Message(1, new ProtoWriter().String(1, "a").MapEntry(11, "x", "1"))
            .Message(1, new ProtoWriter().String(3, "ns").MapEntry(11, "y", "2")));

        JsonAssert.Equal("""{"name": "a", "namespace": "ns", "labels": {"x": "1", "y": "2"}}""", obj["metadata"]);
    }

    [Fact]
    public void MapEntriesWithoutValueGetTheZeroValue()
    {
        var configMap = new ProtoWriter()
            .Message(2, new ProtoWriter().String(1, "empty"))
            .Message(3, new ProtoWriter().String(1, "blob").Bytes(2, [0xff, 0x00]));

        JsonAssert.Equal("""{"kind": "ConfigMap", "apiVersion": "v1", "data": {"empty": ""}, "binaryData": {"blob": "/wA="}}""",
            Decode("v1", "ConfigMap", configMap));
    }

    [Fact]
    public void QuantityWithoutStringIsZero()
    {
        var hard = new ProtoWriter().String(1, "pods").Message(2, new ProtoWriter());
        var quota = Decode("v1", "ResourceQuota", new ProtoWriter().Message(2, new ProtoWriter().Message(1, hard)));

        JsonAssert.Equal("""{"hard": {"pods": "0"}}""", quota["spec"]);
    }

    [Fact]
    public void ExtraValuesAreArrays()
    {
        var extra = new ProtoWriter().String(1, "scopes").Message(2, new ProtoWriter().String(1, "a").String(1, "b"));
        var review = Decode("authorization.k8s.io/v1", "SubjectAccessReview",
            new ProtoWriter().Message(2, new ProtoWriter().String(3, "bob").Message(5, extra)));

        JsonAssert.Equal("""{"user": "bob", "extra": {"scopes": ["a", "b"]}}""", review["spec"]);
    }

    [Fact]
    public void ManagedFieldsEmbedTheirJson()
    {
        var entry = new ProtoWriter().String(1, "kubectl").String(6, "FieldsV1")
            .Message(7, new ProtoWriter().String(1, """{"f:metadata":{"f:labels":{}}}"""));
        var obj = Decode("v1", "Namespace", new ProtoWriter().Message(1, new ProtoWriter().Message(17, entry)));

        JsonAssert.Equal("""[{"manager": "kubectl", "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:labels": {}}}}]""",
            obj["metadata"]!["managedFields"]);
    }

    [Fact]
    public void InvalidUtf8BecomesReplacementCharacters()
    {
        var obj = Decode("v1", "Namespace", new ProtoWriter().Message(1, new ProtoWriter().Bytes(1, [0x61, 0xff])));

        Assert.Equal("a\uFFFD", (string)obj["metadata"]!["name"]!);
    }
}
